import { Query } from '@nestjs/cqrs';
import type { EmailTemplate, EmailTemplatePreview } from '@switchboard/contracts';
import type { Actor } from '../../../../common/actor.js';

/** Renders a template as edited (not saved) with sample data, for the editor's preview. */
export class PreviewEmailTemplateQuery extends Query<EmailTemplatePreview> {
  constructor(
    readonly actor: Actor,
    readonly template: EmailTemplate,
  ) {
    super();
  }
}
