import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { ChatSummary } from '@switchboard/contracts';
import { ListChatsQuery } from '../chat/queries/list-chats/list-chats.query.js';
import type { Actor } from '../common/actor.js';
import { abilityClass } from './live-access.js';

/** How long a list read for an event is shared by the subscribers of one ability class. */
const SHARED_MS = 30_000;

/**
 * The open chats as live.chats reads them after an event: one query per (event, ability class),
 * shared by every subscriber of the class (each then picks their own view in memory), so an event
 * costs a handful of queries however many agents have the Chats page open.
 */
@Injectable()
export class ChatLists {
  private readonly shared = new Map<string, { at: number; list: Promise<ChatSummary[]> }>();

  constructor(private readonly queries: QueryBus) {}

  open(actor: Actor, eventId: string | null): Promise<ChatSummary[]> {
    if (eventId === null) return this.queries.execute(new ListChatsQuery(actor, 'open'));
    const now = Date.now();
    const key = `${eventId}\n${abilityClass(actor.ability)}`;
    const hit = this.shared.get(key);
    if (hit) return hit.list;
    for (const [k, v] of this.shared) if (now - v.at > SHARED_MS) this.shared.delete(k);
    const list = this.queries.execute(new ListChatsQuery(actor, 'open'));
    this.shared.set(key, { at: now, list });
    // A failed read is not shared: the next subscriber tries again.
    list.catch(() => this.shared.delete(key));
    return list;
  }
}
