import { Module } from '@nestjs/common';
import { NotificationGate } from './notification-gate.js';
import { NotificationPreferencesRepository } from './notification-preferences.repository.js';

/** Per-user notification preferences and the gate the producers of notifications ask (api and worker). */
@Module({
  providers: [NotificationPreferencesRepository, NotificationGate],
  exports: [NotificationPreferencesRepository, NotificationGate],
})
export class NotificationPreferencesModule {}
