import { Module } from '@nestjs/common';
import { SequelizeModule } from '@nestjs/sequelize';
import { parseDatabaseUrl } from '@switchboard/migrations';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

/**
 * One Sequelize connection pool per process. The schema comes only from the umzug
 * migrations in prisma-free-migrations/: synchronize is off and must stay off.
 */
@Module({
  imports: [
    SequelizeModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const target = parseDatabaseUrl(config.databaseUrl);
        return {
          dialect: 'mysql' as const,
          host: target.host,
          port: target.port,
          username: target.user,
          password: target.password,
          database: target.database,
          timezone: '+00:00',
          logging: false,
          autoLoadModels: true,
          synchronize: false,
          pool: { max: config.databasePoolMax, min: 0, idle: 10_000, acquire: 30_000 },
          retryAttempts: 3,
          retryDelay: 1000,
        };
      },
    }),
  ],
})
export class DatabaseModule {}
