import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { ChatEnding } from './chat-ending.js';
import { ChatSessionRepository } from './chat-session.repository.js';

/**
 * A visitor silent this long has left: no message, no read of the chat and no open event stream
 * (the widget marks itself present every minute while its page is open).
 */
export const CHAT_ABANDON_AFTER_MS = 5 * 60_000;
/** A chat nobody accepted within this long becomes an ordinary ticket answered by email. */
export const CHAT_WAIT_MAX_MS = 10 * 60_000;

/**
 * Timers are data: the session's `last_visitor_at` and `created_at` say when a chat is due, and this
 * periodic job in the worker ends due chats (abandoned, or no agent) and queues their follow-up email.
 * Ending is idempotent, so two workers may run it at once.
 */
@Injectable()
export class ChatAbandonJob {
  private readonly logger = new Logger(ChatAbandonJob.name);
  private running = false;

  constructor(
    private readonly chats: ChatSessionRepository,
    private readonly ending: ChatEnding,
  ) {}

  @Interval(30_000)
  async tick() {
    if (this.running) return;
    this.running = true;
    try {
      await this.run();
    } catch (error) {
      this.logger.error(`chat timeouts failed, next run retries: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  /** Ends every due chat as of `now`; returns the ids it ended. */
  async run(now = new Date()): Promise<number[]> {
    const ended: number[] = [];
    for (const { id, reason } of await this.chats.due(now, CHAT_ABANDON_AFTER_MS, CHAT_WAIT_MAX_MS)) {
      if (await this.ending.end(id, reason, now)) ended.push(id);
    }
    return ended;
  }
}
