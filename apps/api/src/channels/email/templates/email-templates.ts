import { Injectable } from '@nestjs/common';
import type { EmailTemplate } from '@switchboard/contracts';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { brandVars, type BrandColumns } from '../../../companies/brand-vars.js';
import { SupportAddresses } from '../addresses/support-addresses.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import { renderHtml, renderText, type TemplateVars } from './template-engine.js';

interface Row {
  companyKey: number;
  enabled: number;
  subject: string;
  text: string;
  html: string | null;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string | null;
}

/**
 * Mail templates per company (email_templates; company_key 0 is everyone's default), falling back
 * to DEFAULT_TEMPLATES. The notifications module renders the acknowledgement through this.
 */
@Injectable()
export class EmailTemplates {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly addresses: SupportAddresses,
  ) {}

  /** The template that applies to a company (its own, else the default row, else the built-in one). */
  async effective(companyId: number | null, kind: EmailTemplate['kind']): Promise<EmailTemplate & { custom: boolean }> {
    const rows = await this.sequelize.query<Row>(
      `SELECT company_key AS companyKey, enabled, subject, body_text AS text, body_html AS html FROM email_templates
        WHERE kind = ? AND company_key IN (0, ?) ORDER BY company_key DESC LIMIT 1`,
      { replacements: [kind, companyId ?? 0], type: QueryTypes.SELECT },
    );
    const row = rows[0];
    if (!row) return { companyId, kind, enabled: true, ...DEFAULT_TEMPLATES[kind], custom: false };
    return { companyId, kind, enabled: Boolean(Number(row.enabled)), subject: row.subject, text: row.text, html: row.html, custom: Number(row.companyKey) === (companyId ?? 0) };
  }

  async save(template: EmailTemplate, userId: number, transaction: Transaction) {
    await this.sequelize.query(
      `INSERT INTO email_templates (company_key, kind, enabled, subject, body_text, body_html, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE enabled = VALUES(enabled), subject = VALUES(subject), body_text = VALUES(body_text),
         body_html = VALUES(body_html), updated_by = VALUES(updated_by)`,
      {
        replacements: [template.companyId ?? 0, template.kind, template.enabled ? 1 : 0, template.subject, template.text, template.html, userId],
        transaction,
      },
    );
  }

  /** What every template of a ticket can use: the ticket, its requester, and the company (the requester's, else the one whose support address the mail came to). */
  async ticketVars(ticketId: number, fallback: { subject?: string; requesterName?: string } = {}) {
    const [ticket] = await this.sequelize.query<{ subject: string; companyId: number | null; companyName: string | null; requesterName: string } & BrandColumns>(
      `SELECT t.subject, t.company_id AS companyId, c.name AS companyName, r.name AS requesterName,
              c.brand_name AS brandName, c.brand_logo_url AS brandLogoUrl, c.brand_primary_color AS brandPrimaryColor, c.brand_accent_color AS brandAccentColor
         FROM tickets t JOIN users r ON r.id = t.requester_id LEFT JOIN companies c ON c.id = t.company_id WHERE t.id = ?`,
      { replacements: [ticketId], type: QueryTypes.SELECT },
    );
    const address = ticket?.companyId == null ? await this.addresses.forTicket(ticketId) : null;
    const companyId = ticket?.companyId != null ? Number(ticket.companyId) : (address?.companyId ?? null);
    const companyName = ticket?.companyId != null ? ticket.companyName : (address?.companyName ?? address?.displayName ?? null);
    return {
      companyId,
      vars: {
        ticket: { id: ticketId, subject: ticket?.subject ?? fallback.subject ?? '' },
        requester: { name: ticket?.requesterName ?? fallback.requesterName ?? '' },
        // The company's branding (decision 017); a company known only from the support address gets its name.
        company: { name: companyName ?? '', brand: brandVars(ticket?.companyId != null ? ticket : { companyName }) },
      } as TemplateVars,
    };
  }

  /** A template of this kind for the company, rendered; null when that company turned it off. */
  async render(kind: EmailTemplate['kind'], companyId: number | null, vars: TemplateVars): Promise<RenderedEmail | null> {
    const template = await this.effective(companyId, kind);
    if (!template.enabled) return null;
    return renderTemplate(template, vars);
  }

  /** The acknowledgement for a new ticket, rendered for its company; null when that company turned it off. */
  async acknowledgement(ticketId: number, fallback: { subject: string; requesterName: string }): Promise<RenderedEmail | null> {
    const { companyId, vars } = await this.ticketVars(ticketId, fallback);
    return this.render('acknowledgement', companyId, vars);
  }
}

/** Subject (one line, at most 255 characters), text, and HTML (escaped output) of a template. */
export async function renderTemplate(template: Pick<EmailTemplate, 'subject' | 'text' | 'html'>, vars: TemplateVars): Promise<RenderedEmail> {
  return {
    subject: (await renderText(template.subject, vars)).replace(/\s+/g, ' ').trim().slice(0, 255),
    text: await renderText(template.text, vars),
    html: template.html ? await renderHtml(template.html, vars) : null,
  };
}
