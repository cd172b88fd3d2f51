import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../../audit/audit.repository.js';
import { EmailErrors } from '../../email.errors.js';
import { EmailTemplates } from '../../templates/email-templates.js';
import { templateError } from '../../templates/template-engine.js';
import { SaveEmailTemplateCommand } from './save-email-template.command.js';

/** Saves a company's (or the default) template after checking each part parses; audited in the same transaction. */
@CommandHandler(SaveEmailTemplateCommand)
export class SaveEmailTemplateHandler implements ICommandHandler<SaveEmailTemplateCommand> {
  constructor(
    private readonly templates: EmailTemplates,
    private readonly audit: AuditRepository,
    private readonly sequelize: Sequelize,
  ) {}

  async execute({ actor, template }: SaveEmailTemplateCommand) {
    if (actor.ability.cannot('update', 'EmailTemplate')) throw EmailErrors.forbidden('edit email templates');
    for (const field of ['subject', 'text', 'html'] as const) {
      const error = template[field] ? templateError(template[field]!) : null;
      if (error) throw EmailErrors.badTemplate(field, error);
    }
    if (template.companyId != null) {
      const found = await this.sequelize.query('SELECT id FROM companies WHERE id = ?', { replacements: [template.companyId], type: QueryTypes.SELECT });
      if (found.length === 0) throw EmailErrors.companyNotFound(template.companyId);
    }
    const before = await this.templates.effective(template.companyId, template.kind);
    await this.sequelize.transaction(async (transaction) => {
      await this.templates.save(template, actor.user.id, transaction);
      await this.audit.record(
        actor,
        {
          action: 'email_template.saved',
          subjectType: 'EmailTemplate',
          subjectId: `${template.companyId ?? 'default'}:${template.kind}`,
          before: before.custom ? before : null,
          after: template,
        },
        transaction,
      );
    });
    return this.templates.effective(template.companyId, template.kind);
  }
}
