import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { EventLog, type LoggedEvent } from './event-log.js';
import { RealtimeRedis } from './realtime-redis.js';

export type Listener = (event: LoggedEvent) => void;

/**
 * This process's end of the fan-out: one Redis subscription to the events channel, dispatched in
 * memory to the local listeners of each topic. Every api process receives every event and hands it
 * to its own subscribers, so a load balancer may put a subscriber anywhere.
 */
@Injectable()
export class RealtimeHub implements OnModuleDestroy {
  private readonly logger = new Logger(RealtimeHub.name);
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly closers = new Set<() => void>();
  private ready: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly redis: RealtimeRedis,
    private readonly log: EventLog,
  ) {}

  /** Resolves once the process is subscribed, so events published from then on reach the listener. */
  async listen(topic: string, listener: Listener, onClose: () => void): Promise<() => void> {
    if (this.closed) throw new Error('the live hub is shutting down');
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener);
    this.closers.add(onClose);
    const stop = () => {
      set.delete(listener);
      this.closers.delete(onClose);
      if (set.size === 0 && this.listeners.get(topic) === set) this.listeners.delete(topic);
    };
    try {
      await this.start();
    } catch (error) {
      stop();
      throw error;
    }
    return stop;
  }

  /** How many local listeners a topic has (for tests and the bench). */
  count(topic?: string): number {
    if (topic) return this.listeners.get(topic)?.size ?? 0;
    let total = 0;
    for (const set of this.listeners.values()) total += set.size;
    return total;
  }

  /** On shutdown every feed ends, so open event streams finish and the HTTP server can close. */
  onModuleDestroy() {
    this.closed = true;
    for (const close of [...this.closers]) close();
    this.closers.clear();
  }

  private start(): Promise<void> {
    this.ready ??= (async () => {
      const subscriber = this.redis.subscriber;
      subscriber.on('message', (_channel: string, message: string) => this.dispatch(message));
      await subscriber.subscribe(this.log.channel);
    })().catch((error: Error) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  private dispatch(message: string) {
    const event = EventLog.decode(message);
    if (!event) return;
    const set = this.listeners.get(event.topic);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error(`listener of ${event.topic} failed: ${(error as Error).message}`);
      }
    }
  }
}
