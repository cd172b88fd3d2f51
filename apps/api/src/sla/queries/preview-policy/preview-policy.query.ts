import { Query } from '@nestjs/cqrs';
import type { Level, SlaPreview } from '@switchboard/contracts';

/** When a ticket of this urgency/importance created at this instant would be due under a policy. */
export class PreviewPolicyQuery extends Query<SlaPreview> {
  constructor(
    readonly policyId: number,
    readonly urgency: Level,
    readonly importance: Level,
    readonly createdAt: Date,
  ) {
    super();
  }
}
