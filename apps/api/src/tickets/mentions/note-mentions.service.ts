import { Injectable } from '@nestjs/common';
import type { Mention } from '@switchboard/contracts';
import type { Transaction } from 'sequelize';
import type { AuthUser } from '../../common/actor.js';
import { NotificationFeed } from '../../inbox/notification-feed.service.js';
import { OutboxRepository } from '../../outbox/outbox.repository.js';
import { UserRepository } from '../../users/user.repository.js';
import { TimelineRepository } from '../timeline/timeline.repository.js';
import { highlightMentions } from './highlight-mentions.js';
import { extractMentionTokens, resolveMentions, type StaffCandidate } from './mention-tokens.js';

const EXCERPT_CHARS = 500;

export interface ResolvedMentions {
  /** The note's HTML with resolved mentions marked. */
  bodyHtml: string;
  staff: StaffCandidate[];
}

/** Finds the staff an internal note @mentions, records them, and queues their notifications. */
@Injectable()
export class NoteMentions {
  constructor(
    private readonly users: UserRepository,
    private readonly timeline: TimelineRepository,
    private readonly outbox: OutboxRepository,
    private readonly feed: NotificationFeed,
  ) {}

  async resolve(text: string, bodyHtml: string, transaction: Transaction): Promise<ResolvedMentions> {
    const tokens = extractMentionTokens(text);
    if (tokens.length === 0) return { bodyHtml, staff: [] };
    const candidates = await this.users.findStaffByEmailPrefixes(tokens, transaction);
    const resolved = resolveMentions(
      tokens,
      candidates.map((u) => ({ id: u.id, name: u.name, email: u.email })),
    );
    const staff = [...new Map([...resolved.values()].map((s) => [s.id, s])).values()];
    return { bodyHtml: highlightMentions(bodyHtml, new Set(resolved.keys())), staff };
  }

  /**
   * In the note's transaction: the mention rows, and one outbox row per mentioned colleague (not
   * the author), so a notification goes out exactly when the note commits.
   */
  async record(
    note: { entryId: number; text: string; ticketId: number; subject: string },
    staff: readonly StaffCandidate[],
    author: AuthUser,
    transaction: Transaction,
  ): Promise<Mention[]> {
    await this.timeline.addMentions(
      note.entryId,
      staff.map((s) => s.id),
      transaction,
    );
    const excerpt = note.text.length > EXCERPT_CHARS ? `${note.text.slice(0, EXCERPT_CHARS)}…` : note.text;
    for (const person of staff) {
      if (person.id === author.id) continue;
      await this.outbox.append(
        'note.mention',
        {
          ticketId: note.ticketId,
          subject: note.subject,
          entryId: note.entryId,
          authorName: author.name,
          recipientId: person.id,
          recipientEmail: person.email,
          recipientName: person.name,
          excerpt,
        },
        transaction,
      );
      await this.feed.notify(
        person.id,
        { kind: 'mention', ticketId: note.ticketId, title: `${author.name} mentioned you on #${note.ticketId}`, body: excerpt },
        transaction,
      );
    }
    return staff.map((s) => ({ id: s.id, name: s.name }));
  }
}
