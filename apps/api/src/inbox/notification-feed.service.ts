import { Injectable, Logger } from '@nestjs/common';
import type { Transaction } from 'sequelize';
import { EventLog } from '../realtime/event-log.js';
import { topics } from '../realtime/topics.js';
import { InboxRepository, type NewNotification } from './inbox.repository.js';
import { NotificationGate } from './preferences/notification-gate.js';

export interface InboxSignal {
  notificationId: number;
}

/**
 * The in-app notification feed other modules call: `notify(userId, {kind, ticketId, title, body})`,
 * subject to the user's notification preferences (preferences/).
 * The row is written in the caller's transaction when one is given (so it exists exactly when the
 * change commits); the live signal to the user's bell goes out after commit.
 */
@Injectable()
export class NotificationFeed {
  private readonly logger = new Logger(NotificationFeed.name);

  constructor(
    private readonly inbox: InboxRepository,
    private readonly log: EventLog,
    private readonly gate: NotificationGate,
  ) {}

  /** Records the notification unless the user turned its kind off in-app (then null). Quiet hours do not apply in-app. */
  async notify(userId: number, notification: NewNotification, transaction?: Transaction): Promise<number | null> {
    if (!(await this.gate.inApp(userId, notification.kind, transaction))) return null;
    const id = await this.inbox.add(userId, notification, transaction);
    const announce = () => {
      this.log.append<InboxSignal>(topics.user(userId), { notificationId: id }).catch((error: Error) => {
        this.logger.warn(`notification ${id}: live signal not sent: ${error.message}`);
      });
    };
    if (transaction) transaction.afterCommit(announce);
    else announce();
    return id;
  }

  /** After marking read, the user's other tabs update their count too. */
  async announceRead(userId: number): Promise<void> {
    await this.log.append<InboxSignal>(topics.user(userId), { notificationId: 0 });
  }
}
