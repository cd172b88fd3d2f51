import { bootLogger, createApi } from './bootstrap.js';
import { ConfigError } from './config/config.schema.js';

try {
  const { app, config } = await createApi();
  await app.listen(config.port, config.host);
  bootLogger.log(`api listening on http://localhost:${config.port} (tRPC /trpc, REST /api/v1, health /health)`);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('api failed to start:', error);
  }
  process.exit(1);
}
