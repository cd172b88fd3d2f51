import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error.js';
import { RealtimeRedis } from '../../realtime/realtime-redis.js';

/** New chats one address may open per window: generous for people (an office behind one NAT), a wall for scripts. */
export const CHAT_STARTS_PER_WINDOW = 30;
export const CHAT_START_WINDOW_SECONDS = 600;

/**
 * Starting a chat is public and creates a ticket, so it is counted per client address in Redis
 * (a fixed window shared by every api process). Messages in a chat need its token and are not counted.
 */
@Injectable()
export class ChatStartLimiter {
  constructor(private readonly redis: RealtimeRedis) {}

  async hit(ip: string | null, now = Date.now()) {
    const window = Math.floor(now / 1000 / CHAT_START_WINDOW_SECONDS);
    const key = this.redis.key('chat-starts', ip ?? 'unknown', window);
    const count = await this.redis.commands.incr(key);
    if (count === 1) await this.redis.commands.expire(key, CHAT_START_WINDOW_SECONDS);
    if (count > CHAT_STARTS_PER_WINDOW) {
      throw new DomainError('too_many_requests', 'CHAT_TOO_MANY_STARTS', `Too many new chats from your address; try again in a few minutes`);
    }
  }
}
