import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Timeline } from '@switchboard/contracts';
import { accessibleWhere } from '../../../access/accessible-where.js';
import { AttachmentLinker } from '../../../attachments/attachment-linker.js';
import { toTimelineEntry } from '../../ticket.mapper.js';
import { TicketRepository } from '../../ticket.repository.js';
import { ticketSubject } from '../../ticket.subject.js';
import { TicketErrors } from '../../tickets.errors.js';
import { TimelineRepository } from '../../timeline/timeline.repository.js';
import { EntryCallsRepository } from '../../timeline/entry-calls.repository.js';
import { GetTimelineQuery } from './get-timeline.query.js';
import { decodeTimelineCursor, encodeTimelineCursor } from './timeline-cursor.js';

/** One page of a ticket's timeline: the newest first, then older ones through `olderCursor`. */
@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery, Timeline> {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly attachments: AttachmentLinker,
    private readonly timeline: TimelineRepository,
    private readonly calls: EntryCallsRepository,
  ) {}

  async execute({ actor, ticketId, page }: GetTimelineQuery): Promise<Timeline> {
    const before = page.before ? decodeTimelineCursor(page.before) : null;
    if (page.before && !before) throw TicketErrors.invalidCursor();
    const ticket = await this.tickets.findById(ticketId);
    if (!ticket || actor.ability.cannot('read', ticketSubject(ticket))) throw TicketErrors.notFound(ticketId);
    // Internal notes are filtered out in SQL for anyone whose rules only allow public entries.
    const visible = accessibleWhere(actor.ability, 'read', 'TicketEntry');
    if (visible === null) return { entries: [], olderCursor: null };

    const rows = await this.timeline.newestFirst({ ticketId, visible, before, limit: page.limit, kinds: page.kinds });
    const pageRows = rows.slice(0, page.limit);
    const oldest = pageRows.at(-1);
    const olderCursor = rows.length > page.limit && oldest ? encodeTimelineCursor({ createdAt: oldest.createdAt, id: Number(oldest.id) }) : null;

    const ids = pageRows.map((e) => Number(e.id));
    // Files and mentions of the visible entries only: an internal note's attachments never reach a customer.
    const staff = actor.user.role !== 'customer';
    const [mentions, files, deliveries, calls] = await Promise.all([
      this.timeline.mentionsOf(pageRows.filter((e) => e.kind === 'note').map((e) => Number(e.id))),
      this.attachments.forEntries(ids),
      // How an SMS/WhatsApp reply fared is staff information.
      staff ? this.timeline.deliveriesOf(pageRows.filter((e) => e.kind === 'reply').map((e) => Number(e.id))) : null,
      this.calls.ofEntries(pageRows.filter((e) => e.kind === 'call').map((e) => Number(e.id))),
    ]);
    const entries = pageRows.reverse().map((e) => {
      const entry = toTimelineEntry(e, actor.user, undefined, mentions.get(Number(e.id)), files.get(Number(e.id)));
      const delivery = deliveries?.get(Number(e.id));
      const call = calls.get(Number(e.id));
      return { ...entry, ...(delivery ? { delivery } : {}), ...(call ? { call } : {}) };
    });
    return { entries, olderCursor };
  }
}
