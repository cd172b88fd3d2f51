import { Command } from '@nestjs/cqrs';

/** Unassign every open ticket of a suspended staff member, saying why on each timeline; routing then re-routes them. */
export class ReleaseAgentTicketsCommand extends Command<number> {
  constructor(
    readonly userId: number,
    readonly name: string,
  ) {
    super();
  }
}
