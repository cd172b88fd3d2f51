import { bootLogger, createWorker } from './bootstrap.js';
import { ConfigError } from './config/config.schema.js';

try {
  const { config } = await createWorker();
  bootLogger.log(`worker running (queues on ${new URL(config.redisUrl).host}, outbox poll ${config.outboxPollMs} ms)`);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('worker failed to start:', error);
  }
  process.exit(1);
}
