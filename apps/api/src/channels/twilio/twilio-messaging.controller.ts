import { Controller, Logger, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import twilio from 'twilio';
import { DeliveryReports, deliveryError } from './delivery-reports.js';
import { isDeliveryState } from './delivery-status.js';
import { parseTwilioAddress } from './twilio-address.js';
import { TwilioInboundRepository } from './twilio-inbound.repository.js';
import { TwilioSignature, badRequest, sendTwiml } from './twilio-signature.js';

/**
 * Twilio's messaging webhooks. Each one verifies the signature first (403, nothing stored), then
 * stores what Twilio sent and answers at once; the worker applies it (twilio-inbound.processor.ts).
 */
@Controller('webhooks/twilio')
export class TwilioMessagingController {
  private readonly logger = new Logger(TwilioMessagingController.name);

  constructor(
    private readonly signature: TwilioSignature,
    private readonly inbound: TwilioInboundRepository,
    private readonly reports: DeliveryReports,
  ) {}

  /** An SMS or WhatsApp message to one of our numbers -> empty TwiML; the ticket is made by the worker. */
  @Post('messaging')
  async messaging(@Req() req: Request, @Res() res: Response) {
    const params = await this.signature.readVerified(req, res);
    if (!params) return;
    const sid = params.MessageSid || params.SmsMessageSid;
    const from = parseTwilioAddress(params.From);
    if (!sid) return badRequest(res, 'MessageSid', 'is required');
    if (!from) return badRequest(res, 'From', 'must be a phone number');
    const stored = await this.inbound.accept({ kind: 'message', sid, channel: from.channel, from: params.From, to: params.To ?? '', payload: params });
    if (!stored) this.logger.log(`message ${sid} was already received; nothing stored again`);
    sendTwiml(res, new twilio.twiml.MessagingResponse().toString());
  }

  /** Delivery status of a message we sent (statusCallback): applied, or stored until the message's sid is saved. */
  @Post('status')
  async status(@Req() req: Request, @Res() res: Response) {
    const params = await this.signature.readVerified(req, res);
    if (!params) return;
    const sid = params.MessageSid || params.SmsSid;
    const state = params.MessageStatus || params.SmsStatus;
    if (!sid) return badRequest(res, 'MessageSid', 'is required');
    if (!isDeliveryState(state)) return badRequest(res, 'MessageStatus', 'is not a message status');
    const result = await this.reports.receive({ sid, state, error: deliveryError(params) }, params);
    if (result === 'pending') this.logger.log(`status ${state} of ${sid} came before the message's sid was saved; kept until it is`);
    res.status(204).end();
  }
}
