import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import { Op, type Transaction } from 'sequelize';
import { insertRow, insertRows } from '../database/insert-row.js';
import { OutboxEventModel } from './outbox-event.model.js';
import type { OutboxTopic, OutboxTopics } from './outbox.topics.js';

@Injectable()
export class OutboxRepository {
  constructor(@InjectModel(OutboxEventModel) private readonly events: typeof OutboxEventModel) {}

  /** Call inside the transaction of the change that causes the message: both commit or neither does. */
  async append<T extends OutboxTopic>(topic: T, payload: OutboxTopics[T], transaction: Transaction) {
    await insertRow(this.events.sequelize!, 'outbox_events', { topic, payload }, transaction);
  }

  /** Several rows of one topic in one INSERT (a batch of routed tickets), in the same transaction rule as append(). */
  async appendMany<T extends OutboxTopic>(topic: T, payloads: OutboxTopics[T][], transaction: Transaction) {
    await insertRows(this.events.sequelize!, 'outbox_events', payloads.map((payload) => ({ topic, payload })), transaction);
  }

  /** Locks a batch of pending rows (SKIP LOCKED lets several relays run side by side). */
  claimPending(limit: number, transaction: Transaction) {
    return this.events.findAll({
      where: { status: 'pending' },
      order: [['id', 'ASC']],
      limit,
      transaction,
      lock: transaction.LOCK.UPDATE,
      skipLocked: true,
    });
  }

  async markQueued(ids: number[], queuedAt: Date, transaction: Transaction) {
    if (ids.length === 0) return;
    await this.events.update({ status: 'queued', queuedAt }, { where: { id: { [Op.in]: ids } }, transaction });
  }

  async markDone(id: number) {
    await this.events.update({ status: 'done', doneAt: new Date(), lastError: null }, { where: { id } });
  }

  async markAttempt(id: number, error: string, final: boolean) {
    await this.events.increment('attempts', { where: { id } });
    await this.events.update({ lastError: error.slice(0, 4000), ...(final ? { status: 'failed' } : {}) }, { where: { id } });
  }

  /** Rows queued long ago but never finished (the job was lost with a Redis flush): back to pending. */
  async requeueStale(olderThan: Date) {
    const [count] = await this.events.update(
      { status: 'pending' },
      { where: { status: 'queued', queuedAt: { [Op.lt]: olderThan } } },
    );
    return count;
  }
}
