import { Query } from '@nestjs/cqrs';
import type { EntryKind, Timeline } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export interface TimelinePageRequest {
  /** The `olderCursor` of the page the caller has; absent for the newest page. */
  before?: string;
  limit: number;
  kinds?: EntryKind[];
}

export class GetTimelineQuery extends Query<Timeline> {
  constructor(
    readonly actor: Actor,
    readonly ticketId: number,
    readonly page: TimelinePageRequest = { limit: 50 },
  ) {
    super();
  }
}
