import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import twilio from 'twilio';
import { TwilioClient } from './twilio-client.js';

/**
 * Checks X-Twilio-Signature with the library's validateRequest, against the URL Twilio called:
 * the configured public base (TWILIO_WEBHOOK_BASE_URL, else PUBLIC_API_URL) plus the path and
 * query we received, so it works behind a proxy. Without an auth token nothing can be verified,
 * so every webhook is refused.
 */
@Injectable()
export class TwilioSignature {
  constructor(private readonly twilio: TwilioClient) {}

  verify(req: Request, params: Record<string, string>): boolean {
    const token = this.twilio.config.authToken;
    const signature = req.header('x-twilio-signature');
    if (!token || !signature) return false;
    return twilio.validateRequest(token, signature, this.twilio.webhookUrl(req.originalUrl), params);
  }
}
