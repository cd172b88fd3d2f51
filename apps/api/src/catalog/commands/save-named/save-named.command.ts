import { Command } from '@nestjs/cqrs';
import type { Named } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** Creates or renames a category or a team. */
export class SaveNamedCommand extends Command<Named> {
  constructor(
    readonly actor: Actor,
    readonly kind: 'category' | 'team',
    readonly input: { id?: number; name: string },
  ) {
    super();
  }
}
