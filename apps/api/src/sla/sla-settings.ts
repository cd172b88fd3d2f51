import { Injectable } from '@nestjs/common';
import type { SlaPolicy } from '@switchboard/contracts';
import { SlaPolicyRepository } from './sla-policy.repository.js';

/** Policies as the admin screens see them: the stored record with its calendar's name. */
@Injectable()
export class SlaSettings {
  constructor(private readonly repo: SlaPolicyRepository) {}

  async policies(): Promise<SlaPolicy[]> {
    const [policies, calendars] = await Promise.all([this.repo.policies(), this.repo.calendars()]);
    return policies.map((p) => ({
      id: p.id,
      name: p.name,
      calendarId: p.calendarId,
      calendarName: calendars.find((c) => c.id === p.calendarId)?.name ?? '',
      businessTime: p.businessTime,
      targets: p.targets,
      pauseStatuses: p.pauseStatuses,
      warnPercent: p.warnPercent,
      escalation: { raiseUrgency: p.escalateUrgency, teamId: p.escalateTeamId, assigneeId: p.escalateAssigneeId },
      isDefault: p.isDefault,
      assignments: p.assignments,
    }));
  }
}
