import { Command } from '@nestjs/cqrs';
import type { KbCategory } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** Puts the children of one parent (null: the top level) in the given order. */
export class ReorderCategoriesCommand extends Command<KbCategory[]> {
  constructor(
    readonly actor: Actor,
    readonly parentId: number | null,
    readonly ids: number[],
  ) {
    super();
  }
}
