import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { RealtimeRedis } from './realtime-redis.js';

export interface LoggedEvent<T = unknown> {
  topic: string;
  /** The stream id: the event's tracked id on every subscription of the topic. */
  id: string;
  event: T;
}

/**
 * Appends to the topic's bounded stream (MAXLEN ~, key expiring after the retention time) and
 * publishes on the one fan-out channel in the same Lua call: a subscriber that subscribed before
 * reading the stream sees every event at least once (read or published) and dedupes by id.
 */
const APPEND = `
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PUBLISH', KEYS[2], ARGV[4] .. '\\n' .. id .. '\\n' .. ARGV[2])
return id`;

@Injectable()
export class EventLog {
  readonly channel: string;

  constructor(
    private readonly redis: RealtimeRedis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.channel = redis.key('events');
  }

  streamKey(topic: string): string {
    return this.redis.key('stream', topic);
  }

  /** Stores the event for resuming and fans it out to every api process. */
  async append<T>(topic: string, event: T): Promise<string> {
    const { streamMaxLen, retentionSeconds } = this.config.realtime;
    return (await this.redis.commands.eval(
      APPEND,
      2,
      this.streamKey(topic),
      this.channel,
      String(streamMaxLen),
      JSON.stringify(event),
      String(retentionSeconds * 1000),
      topic,
    )) as string;
  }

  /** An ephemeral signal (presence, typing): fanned out, never stored; its id is empty. */
  async signal<T>(topic: string, event: T): Promise<void> {
    await this.redis.commands.publish(this.channel, `${topic}\n\n${JSON.stringify(event)}`);
  }

  /** Events of the topic after `afterId` (exclusive), oldest first, within the retention time. */
  async readAfter<T>(topic: string, afterId: string, count = 1000): Promise<Array<LoggedEvent<T>>> {
    const oldest = Date.now() - this.config.realtime.retentionSeconds * 1000;
    const rows = (await this.redis.commands.xrange(this.streamKey(topic), `(${afterId}`, '+', 'COUNT', count)) as Array<[string, string[]]>;
    return rows
      .filter(([id]) => Number(id.split('-')[0]) >= oldest)
      .map(([id, fields]) => ({ topic, id, event: JSON.parse(fields[1] ?? 'null') as T }));
  }

  /** Decodes a message of the fan-out channel. */
  static decode(message: string): LoggedEvent | null {
    const first = message.indexOf('\n');
    const second = message.indexOf('\n', first + 1);
    if (first < 0 || second < 0) return null;
    try {
      return { topic: message.slice(0, first), id: message.slice(first + 1, second), event: JSON.parse(message.slice(second + 1)) };
    } catch {
      return null;
    }
  }
}
