import { Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import twilio from 'twilio';
import { readFormBody } from './form-body.js';
import { TwilioClient } from './twilio-client.js';

/**
 * Checks X-Twilio-Signature with the library's validateRequest, against the URL Twilio called:
 * the configured public base (TWILIO_WEBHOOK_BASE_URL, else PUBLIC_API_URL) plus the path and
 * query we received, so it works behind a proxy. Without an auth token nothing can be verified,
 * so every webhook is refused.
 */
@Injectable()
export class TwilioSignature {
  private readonly logger = new Logger(TwilioSignature.name);

  constructor(private readonly twilio: TwilioClient) {}

  async verify(req: Request, params: Record<string, string>): Promise<boolean> {
    const token = (await this.twilio.config()).authToken;
    const signature = req.header('x-twilio-signature');
    if (!token || !signature) return false;
    return twilio.validateRequest(token, signature, this.twilio.webhookUrl(req.originalUrl), params);
  }

  /** The form parameters when the signature is Twilio's; otherwise answers 403 (or 413) and returns null. */
  async readVerified(req: Request, res: Response): Promise<Record<string, string> | null> {
    let params: Record<string, string>;
    try {
      params = await readFormBody(req);
    } catch {
      res.status(413).type('text/plain').send('body too large');
      return null;
    }
    if (!(await this.verify(req, params))) {
      this.logger.warn(`refused ${req.originalUrl}: missing or invalid X-Twilio-Signature`);
      res.status(403).type('text/plain').send('invalid or missing X-Twilio-Signature');
      return null;
    }
    return params;
  }
}

export function badRequest(res: Response, field: string, problem: string) {
  res.status(400).json({ message: `${field}: ${problem}`, data: { fieldErrors: { [field]: problem } } });
}

export function sendTwiml(res: Response, twiml: string) {
  res.status(200).type('text/xml').send(twiml);
}
