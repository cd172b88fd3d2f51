import { Query } from '@nestjs/cqrs';
import type { KbSearchMiss } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** What readers searched for and did not find over a period (UTC days), most frequent first. */
export class ListSearchMissesQuery extends Query<KbSearchMiss[]> {
  constructor(
    readonly actor: Actor,
    readonly period: { from?: string; to?: string; limit: number },
  ) {
    super();
  }
}
