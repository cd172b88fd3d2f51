import { Command } from '@nestjs/cqrs';
import type { SlaPolicy } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';
import type { PolicyData } from '../../sla-settings.repository.js';

/** Creates or changes an SLA policy with its targets, pause statuses, escalation and assignments. */
export class SavePolicyCommand extends Command<SlaPolicy> {
  constructor(
    readonly actor: Actor,
    readonly input: PolicyData,
  ) {
    super();
  }
}
