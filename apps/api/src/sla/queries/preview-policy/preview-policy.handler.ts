import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DateTime } from 'luxon';
import type { SlaPreview } from '@switchboard/contracts';
import { previewSentence } from '../../preview-sentence.js';
import { countedTime } from '../../counted-time.js';
import { targetTimes } from '../../policy-selection.js';
import { SlaErrors } from '../../sla.errors.js';
import { SlaPolicyRepository } from '../../sla-policy.repository.js';
import { PreviewPolicyQuery } from './preview-policy.query.js';

@QueryHandler(PreviewPolicyQuery)
export class PreviewPolicyHandler implements IQueryHandler<PreviewPolicyQuery, SlaPreview> {
  constructor(private readonly repo: SlaPolicyRepository) {}

  async execute({ policyId, urgency, importance, createdAt: given }: PreviewPolicyQuery): Promise<SlaPreview> {
    const policy = (await this.repo.policies()).find((p) => p.id === policyId);
    if (!policy) throw SlaErrors.policyNotFound(policyId);
    const hours = await this.repo.hours(policy.calendarId);
    const createdAt = typeof given === 'string' ? DateTime.fromISO(given, { zone: hours.timezone }).toJSDate() : given;
    const time = countedTime(policy.businessTime ? hours : null);
    const times = targetTimes(policy, urgency, importance);
    const items = (
      [
        ['first_response', times.firstResponseMinutes],
        ['next_response', times.nextResponseMinutes],
        ['resolution', times.resolutionMinutes],
      ] as const
    ).map(([metric, minutes]) => {
      const due = time.add(createdAt, minutes * 60_000);
      return { metric, minutes, dueAt: due.toISOString(), dueAtLocal: previewSentence.local(due, hours.timezone) };
    });
    return {
      timezone: hours.timezone,
      createdAtLocal: previewSentence.local(createdAt, hours.timezone),
      items,
      sentence: previewSentence(`${urgency}/${importance}`, createdAt, new Date(items[0].dueAt), hours.timezone),
    };
  }
}
