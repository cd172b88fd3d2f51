import { Command } from '@nestjs/cqrs';
import type { Company, SaveCompanyInput } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class SaveCompanyCommand extends Command<Company> {
  constructor(
    readonly actor: Actor,
    readonly input: SaveCompanyInput,
  ) {
    super();
  }
}
