import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';

/** How many different missed queries one client may add to the log per hour; the rest are not logged. */
export const MISSES_PER_CLIENT_HOUR = 20;
const DAY_SECONDS = 26 * 3600;
const HOUR_SECONDS = 2 * 3600;

// KEYS[1]: this client+query+locale today; KEYS[2]: this client's counter for this hour.
// Counts once per client, query and day, and at most ARGV[3] queries per client and hour.
const ADMIT = `
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 0 end
local n = redis.call('INCR', KEYS[2])
if n == 1 then redis.call('EXPIRE', KEYS[2], ARGV[2]) end
if n > tonumber(ARGV[3]) then return 0 end
return 1`;

const digest = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 22);

/**
 * Keeps an anonymous client from flooding the search-miss log (docs/decisions/019): a client (a user
 * id, else the IP the API sees) counts once per query and day, and adds at most
 * MISSES_PER_CLIENT_HOUR different queries per hour. The state is in Redis, shared by every api process.
 * If Redis is unreachable the miss is not logged: the search itself never waits for the log.
 */
@Injectable()
export class MissLimiter implements OnModuleDestroy {
  private readonly logger = new Logger(MissLimiter.name);
  private redis: Redis | null = null;
  private readonly prefix: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.prefix = `${config.queuePrefix}:kbmiss`;
  }

  private connection(): Redis {
    if (!this.redis) {
      this.redis = new Redis(this.config.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
      // A failed call says why (admit() logs it); the connection's own errors would repeat on every retry.
      this.redis.on('error', () => undefined);
    }
    return this.redis;
  }

  /** True when this miss should be counted; false for a repeat or a client over its hourly cap. */
  async admit(client: string, query: string, locale: string, now: Date): Promise<boolean> {
    const iso = now.toISOString();
    const who = digest(client);
    const seen = `${this.prefix}:seen:${iso.slice(0, 10)}:${who}:${digest(`${query}\u0000${locale}`)}`;
    const cap = `${this.prefix}:cap:${iso.slice(0, 13)}:${who}`;
    try {
      const admitted = await this.connection().eval(ADMIT, 2, seen, cap, DAY_SECONDS, HOUR_SECONDS, MISSES_PER_CLIENT_HOUR);
      return Number(admitted) === 1;
    } catch (error) {
      this.logger.warn(`search miss not logged: ${(error as Error).message}`);
      return false;
    }
  }

  async onModuleDestroy() {
    await this.redis?.quit().catch(() => undefined);
  }
}
