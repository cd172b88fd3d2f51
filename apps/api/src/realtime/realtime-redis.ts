import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

/**
 * The Redis connections of the live layer: one for commands (streams, presence, PUBLISH) and, only
 * in a process that has subscribers, one in subscriber mode. Keys share the queue prefix, so test
 * runs (and deployments) sharing one Redis stay apart.
 */
@Injectable()
export class RealtimeRedis implements OnModuleDestroy {
  private readonly logger = new Logger(RealtimeRedis.name);
  readonly commands: Redis;
  private subscriberConnection: Redis | null = null;
  readonly prefix: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.prefix = `${config.queuePrefix}:rt`;
    this.commands = this.connect('commands');
  }

  get subscriber(): Redis {
    this.subscriberConnection ??= this.connect('subscriber');
    return this.subscriberConnection;
  }

  key(...parts: Array<string | number>): string {
    return [this.prefix, ...parts].join(':');
  }

  private connect(role: string): Redis {
    const redis = new Redis(this.config.redisUrl, { maxRetriesPerRequest: 3 });
    // ioredis keeps reconnecting; say so once per outage, not on every attempt.
    let down = false;
    redis.on('error', (error) => {
      if (!down) this.logger.warn(`redis (${role}): ${error.message}; live updates wait for it to come back`);
      down = true;
    });
    redis.on('ready', () => (down = false));
    return redis;
  }

  async onModuleDestroy() {
    await Promise.allSettled([this.commands.quit(), this.subscriberConnection?.quit()]);
  }
}
