import { Injectable } from '@nestjs/common';
import type { PresenceEntry, PresenceState } from '@switchboard/contracts';
import type { AuthUser } from '../common/actor.js';
import { EventLog } from './event-log.js';
import { RealtimeRedis } from './realtime-redis.js';
import { topics } from './topics.js';

/** A page sends a heartbeat every 10 s; one missed beat is forgiven, two mean the agent has gone. */
export const PRESENCE_TTL_MS = 25_000;

interface Stored {
  name: string;
  state: PresenceEntry['state'];
  until: number;
}

/**
 * Who has a ticket open, and who is writing on it: one Redis hash per ticket (user id -> state and
 * expiry), refreshed by heartbeats, announced to subscribers by a signal on the ticket's presence
 * topic. Nothing is stored in MySQL: presence is only ever "now".
 */
@Injectable()
export class PresenceService {
  constructor(
    private readonly redis: RealtimeRedis,
    private readonly log: EventLog,
  ) {}

  private key(ticketId: number) {
    return this.redis.key('presence', ticketId);
  }

  async beat(user: AuthUser, ticketId: number, state: PresenceState): Promise<void> {
    const key = this.key(ticketId);
    const before = await this.redis.commands.hget(key, String(user.id));
    const previous = before ? (JSON.parse(before) as Stored).state : null;
    if (state === 'left') {
      await this.redis.commands.hdel(key, String(user.id));
    } else {
      const value: Stored = { name: user.name, state, until: Date.now() + PRESENCE_TTL_MS };
      await this.redis.commands.multi().hset(key, String(user.id), JSON.stringify(value)).pexpire(key, PRESENCE_TTL_MS * 2).exec();
    }
    // A refresh of the same state changes nothing anyone sees.
    if (previous !== (state === 'left' ? null : state)) await this.log.signal(topics.presence(ticketId), { ticketId });
  }

  /** Everyone present now, by user id; expired entries are dropped on the way. */
  async list(ticketId: number): Promise<PresenceEntry[]> {
    const key = this.key(ticketId);
    const all = await this.redis.commands.hgetall(key);
    const now = Date.now();
    const present: PresenceEntry[] = [];
    const expired: string[] = [];
    for (const [userId, json] of Object.entries(all)) {
      const stored = JSON.parse(json) as Stored;
      if (stored.until < now) expired.push(userId);
      else present.push({ userId: Number(userId), name: stored.name, state: stored.state });
    }
    if (expired.length) await this.redis.commands.hdel(key, ...expired);
    return present.sort((a, b) => a.userId - b.userId);
  }
}
