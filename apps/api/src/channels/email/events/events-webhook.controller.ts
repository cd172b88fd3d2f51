import { Controller, Inject, Logger, Post, Req, Res } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { buffer } from 'node:stream/consumers';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { AppConfig } from '../../../config/config.schema.js';
import { TicketEntryUpdatedEvent } from '../../../tickets/events/ticket-entry-updated.event.js';
import { DeliveryEventsRepository, type SendgridEvent } from './delivery-events.repository.js';
import { eventSignatureValid } from './event-signature.js';

const MAX_BODY = 5 * 1024 * 1024;

/**
 * SendGrid's Event Webhook: what became of each message we sent (processed, deferred, delivered,
 * opened, bounced, dropped...). The signature is checked over the raw body; unsigned or badly
 * signed posts get 401 and change nothing. Events are stored once each and applied before the 200.
 */
@Controller('webhooks/sendgrid/events')
export class EventsWebhookController {
  private readonly logger = new Logger(EventsWebhookController.name);

  constructor(
    private readonly events: DeliveryEventsRepository,
    private readonly bus: EventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  async receive(@Req() req: Request, @Res() res: Response) {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
      req.resume();
      res.status(413).json({ error: 'too large' });
      return;
    }
    const raw = await buffer(req);
    const signature = req.header('X-Twilio-Email-Event-Webhook-Signature');
    const timestamp = req.header('X-Twilio-Email-Event-Webhook-Timestamp');
    if (!eventSignatureValid(this.config.email.eventPublicKey, raw, signature, timestamp)) {
      res.status(401).json({ error: 'invalid or missing signature' });
      return;
    }
    let events: unknown;
    try {
      events = JSON.parse(raw.toString('utf8'));
    } catch {
      res.status(400).json({ error: 'body: expected a JSON array of events', field: 'body' });
      return;
    }
    if (!Array.isArray(events) || !events.every((e) => e && typeof e === 'object' && typeof (e as SendgridEvent).event === 'string')) {
      res.status(400).json({ error: 'body: expected a JSON array of events with an `event` field', field: 'body' });
      return;
    }
    try {
      const { updatedEntryIds, ...result } = await this.events.record(events as SendgridEvent[]);
      // Committed: an open ticket page shows the reply's new delivery state without a reload.
      for (const entryId of updatedEntryIds) this.bus.publish(new TicketEntryUpdatedEvent(entryId, 'delivery'));
      res.status(200).json(result);
    } catch (error) {
      this.logger.error(`delivery events not stored: ${(error as Error).message}`);
      res.status(500).json({ error: 'not stored; retry' });
    }
  }
}
