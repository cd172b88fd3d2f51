import { subject } from '@casl/ability';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { KbEditableArticle } from '@switchboard/contracts';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { ArticleWriter } from '../../article-writer.js';
import { KbArticleRepository } from '../../kb-article.repository.js';
import { KbErrors } from '../../kb.errors.js';
import { toEditable } from '../../kb.mapper.js';
import { DraftFromTicketCommand } from './draft-from-ticket.command.js';

interface TicketFacts {
  id: number;
  subject: string;
  description: string;
  status: string;
  requesterId: number;
  companyId: number | null;
  assigneeId: number | null;
}

/** Quotes Markdown-significant text as a block quote, line by line. */
const quote = (text: string) => text.trim().split('\n').map((l) => `> ${l}`).join('\n');

/**
 * Reads the ticket straight from its tables (no ticket model crosses the module edge) and keeps only
 * what the customer could see: the description and the public replies, never internal notes. The
 * draft is internal until an editor decides otherwise, since it quotes a customer.
 */
@CommandHandler(DraftFromTicketCommand)
export class DraftFromTicketHandler implements ICommandHandler<DraftFromTicketCommand, KbEditableArticle> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly articles: KbArticleRepository,
    private readonly writer: ArticleWriter,
  ) {}

  async execute({ actor, ticketId, categoryId }: DraftFromTicketCommand): Promise<KbEditableArticle> {
    if (actor.ability.cannot('create', 'KbArticle')) throw KbErrors.articleNotFound('new');
    const [ticket] = await this.sequelize.query<TicketFacts>(
      `SELECT id, subject, description, status, requester_id AS requesterId, company_id AS companyId, assignee_id AS assigneeId
       FROM tickets WHERE id = ?`,
      { replacements: [ticketId], type: QueryTypes.SELECT },
    );
    if (!ticket || actor.ability.cannot('read', subject('Ticket', { ...ticket }))) throw KbErrors.ticketNotFound(ticketId);
    if (!['resolved', 'closed'].includes(ticket.status)) throw KbErrors.ticketNotResolved(ticketId);
    const replies = await this.sequelize.query<{ body: string; role: string }>(
      `SELECT e.body, u.role FROM ticket_entries e LEFT JOIN users u ON u.id = e.author_id
       WHERE e.ticket_id = ? AND e.visibility = 'public' AND e.kind IN ('message', 'reply') ORDER BY e.created_at, e.id`,
      { replacements: [ticketId], type: QueryTypes.SELECT },
    );
    const answers = replies.filter((r) => r.role && r.role !== 'customer').map((r) => r.body.trim()).filter(Boolean);
    const bodyMd = [
      '## Problem',
      '',
      quote(ticket.description || ticket.subject),
      '',
      '## Solution',
      '',
      answers.length ? answers.join('\n\n') : '_Describe the solution._',
      '',
      `<!-- Drafted from ticket #${ticketId}. Remove names and anything private before publishing. -->`,
    ].join('\n');
    return this.sequelize.transaction(async (transaction) => {
      const content = await this.writer.content(
        { categoryId, title: ticket.subject, bodyMd, tags: [], visibility: 'internal' },
        null,
        transaction,
      );
      const id = await this.articles.insert(content, { locale: 'en', translationOf: null, authorId: actor.user.id }, transaction);
      await this.writer.saved(actor, id, content, null, 'kb.article.created', `Drafted from ticket #${ticketId}`, transaction);
      return toEditable((await this.articles.byId(id, transaction))!);
    });
  }
}
