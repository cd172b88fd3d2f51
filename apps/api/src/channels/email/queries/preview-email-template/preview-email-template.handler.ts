import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EmailTemplatePreview } from '@switchboard/contracts';
import { EmailErrors } from '../../email.errors.js';
import { SAMPLE_VARS } from '../../templates/default-templates.js';
import { renderHtml, renderText, templateError } from '../../templates/template-engine.js';
import { PreviewEmailTemplateQuery } from './preview-email-template.query.js';

/**
 * The editor's preview: each part parsed (a syntax error is a 400 naming the part) and rendered
 * with sample data (an error while rendering, e.g. a loop over a string, is one too). Nothing is saved.
 */
@QueryHandler(PreviewEmailTemplateQuery)
export class PreviewEmailTemplateHandler implements IQueryHandler<PreviewEmailTemplateQuery, EmailTemplatePreview> {
  async execute({ actor, template }: PreviewEmailTemplateQuery): Promise<EmailTemplatePreview> {
    if (actor.ability.cannot('update', 'EmailTemplate')) throw EmailErrors.forbidden('edit email templates');
    const rendered: Record<'subject' | 'text' | 'html', string | null> = { subject: '', text: '', html: null };
    for (const field of ['subject', 'text', 'html'] as const) {
      const source = template[field];
      if (!source) continue;
      const error = templateError(source);
      if (error) throw EmailErrors.badTemplate(field, error);
      try {
        rendered[field] = field === 'html' ? await renderHtml(source, SAMPLE_VARS) : await renderText(source, SAMPLE_VARS);
      } catch (failure) {
        throw EmailErrors.badTemplate(field, (failure as Error).message.split('\n')[0]!.slice(0, 300));
      }
    }
    return { subject: (rendered.subject ?? '').replace(/\s+/g, ' ').trim().slice(0, 255), text: rendered.text ?? '', html: rendered.html };
  }
}
