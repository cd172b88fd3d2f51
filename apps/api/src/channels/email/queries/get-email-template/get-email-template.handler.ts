import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EmailErrors } from '../../email.errors.js';
import { EmailTemplates } from '../../templates/email-templates.js';
import { GetEmailTemplateQuery } from './get-email-template.query.js';

/** The template that applies to a company (or the default), for the admin's editor. */
@QueryHandler(GetEmailTemplateQuery)
export class GetEmailTemplateHandler implements IQueryHandler<GetEmailTemplateQuery> {
  constructor(private readonly templates: EmailTemplates) {}

  execute({ actor, companyId, kind }: GetEmailTemplateQuery) {
    if (actor.ability.cannot('update', 'EmailTemplate')) throw EmailErrors.forbidden('edit email templates');
    return this.templates.effective(companyId, kind);
  }
}
