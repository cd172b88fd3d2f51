import { Command } from '@nestjs/cqrs';
import type { KbCategory, zKbCategoryInput } from '@switchboard/contracts';
import type { z } from 'zod';
import type { Actor } from '../../../common/actor.js';

/** Creates a category (no id) or changes one: name, place in the tree, who may publish in it. */
export class SaveCategoryCommand extends Command<KbCategory> {
  constructor(
    readonly actor: Actor,
    readonly input: z.output<typeof zKbCategoryInput>,
  ) {
    super();
  }
}
