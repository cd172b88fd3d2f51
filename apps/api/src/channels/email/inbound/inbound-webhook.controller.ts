import { Controller, HttpCode, Inject, Logger, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { AppConfig } from '../../../config/config.schema.js';
import { InboundEmailQueue } from './inbound-email.queue.js';
import { InboundEmailRepository } from './inbound-email.repository.js';
import { fieldBytes, identify, modeOf } from './inbound-payload.js';
import { InboundFormError, readInboundForm } from './read-inbound-form.js';
import { inboundAuthorized } from './webhook-auth.js';

/**
 * SendGrid Inbound Parse posts every email here, raw (MIME in `email`) or parsed. We check the
 * secret, store the whole post in one transaction, answer 200, and leave the rest to the worker:
 * SendGrid retries for three days on anything else, and a re-post of a stored Message-ID is a no-op.
 */
@Controller('webhooks/sendgrid/inbound')
export class InboundWebhookController {
  private readonly logger = new Logger(InboundWebhookController.name);

  constructor(
    private readonly inbound: InboundEmailRepository,
    private readonly queue: InboundEmailQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(200)
  withBasicAuth(@Req() req: Request, @Res() res: Response) {
    return this.receive(req, res, undefined);
  }

  @Post(':token')
  @HttpCode(200)
  withPathToken(@Param('token') token: string, @Req() req: Request, @Res() res: Response) {
    return this.receive(req, res, token);
  }

  private async receive(req: Request, res: Response, pathToken: string | undefined) {
    if (!inboundAuthorized(this.config.email.inboundSecret, req.headers.authorization, pathToken)) {
      req.resume();
      res.status(401).set('WWW-Authenticate', 'Basic realm="sendgrid-inbound"').json({ error: 'unauthorized' });
      return;
    }
    try {
      const payload = await readInboundForm(req);
      if (!fieldBytes(payload, 'email') && !fieldBytes(payload, 'headers')) {
        res.status(400).json({ error: 'expected an `email` field (raw mode) or a `headers` field (parsed mode)', field: 'email' });
        return;
      }
      const { messageId, sender, subject } = identify(payload);
      const stored = await this.inbound.store({ messageId, mode: modeOf(payload), payload, sender, subject });
      if (!stored.duplicate) await this.queue.enqueue(stored.id);
      res.status(200).json({ id: stored.id, duplicate: stored.duplicate });
    } catch (error) {
      if (error instanceof InboundFormError) {
        if (!req.complete) req.resume();
        res.status(/larger than/.test(error.message) ? 413 : 400).json({ error: error.message });
        return;
      }
      this.logger.error(`inbound email not stored: ${(error as Error).message}`);
      res.status(500).json({ error: 'not stored; retry' });
    }
  }
}
