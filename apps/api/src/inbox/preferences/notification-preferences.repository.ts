import { Injectable } from '@nestjs/common';
import { DEFAULT_NOTIFICATION_PREFERENCES, type NotificationPreferences } from '@switchboard/contracts';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { readStoredPreferences } from './stored-preferences.js';

/** The only place that touches notification_preferences: one JSON document per user, validated both ways. */
@Injectable()
export class NotificationPreferencesRepository {
  constructor(private readonly sequelize: Sequelize) {}

  /** The user's preferences; the defaults (everything on, no quiet hours) when never saved, part by part when a part is unreadable. */
  async get(userId: number, transaction?: Transaction): Promise<NotificationPreferences> {
    // In the caller's transaction when there is one: a second pooled connection per notification, while
    // the transaction holds its own, could exhaust the pool under load.
    const rows = await this.sequelize.query<{ preferences: string }>('SELECT preferences FROM notification_preferences WHERE user_id = ?', {
      replacements: [userId],
      type: QueryTypes.SELECT,
      transaction,
    });
    return rows[0] ? readStoredPreferences(rows[0].preferences) : DEFAULT_NOTIFICATION_PREFERENCES;
  }

  async save(userId: number, preferences: NotificationPreferences): Promise<void> {
    await this.sequelize.query(
      `INSERT INTO notification_preferences (user_id, preferences) VALUES (?, ?)
       ON DUPLICATE KEY UPDATE preferences = VALUES(preferences)`,
      { replacements: [userId, JSON.stringify(preferences)] },
    );
  }
}
