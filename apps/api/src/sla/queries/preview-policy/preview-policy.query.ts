import { Query } from '@nestjs/cqrs';
import type { Level, SlaPreview } from '@switchboard/contracts';

/** When a ticket of this urgency/importance created at this instant would be due under a policy. */
export class PreviewPolicyQuery extends Query<SlaPreview> {
  constructor(
    readonly policyId: number,
    readonly urgency: Level,
    readonly importance: Level,
    /** An instant, or a wall-clock time ('YYYY-MM-DDTHH:mm') in the calendar's zone. */
    readonly createdAt: Date | string,
  ) {
    super();
  }
}
