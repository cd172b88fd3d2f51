import { Query } from '@nestjs/cqrs';
import type { EmailTemplate } from '@switchboard/contracts';
import type { Actor } from '../../../../common/actor.js';

export class GetEmailTemplateQuery extends Query<EmailTemplate & { custom: boolean }> {
  constructor(
    readonly actor: Actor,
    readonly companyId: number | null,
    readonly kind: EmailTemplate['kind'],
  ) {
    super();
  }
}
