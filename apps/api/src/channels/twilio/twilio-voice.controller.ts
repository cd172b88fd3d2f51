import { Controller, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { parseTwilioAddress } from './twilio-address.js';
import { TwilioClient } from './twilio-client.js';
import { TwilioInboundRepository, type InboundKind } from './twilio-inbound.repository.js';
import { TwilioSignature, badRequest, sendTwiml } from './twilio-signature.js';
import { MAX_DIALED, VoiceRoutingRepository } from './voice-routing.repository.js';
import { VoiceTwiml } from './voice-twiml.js';

/** Call states after which a call is over: the call's timeline entry is written then. */
const FINAL_CALL_STATES = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

/**
 * Twilio's voice webhooks: the call flow answers TwiML at once; what must outlive the call (a
 * callback request, a voicemail, its transcript, the finished call) is stored in twilio_inbound
 * keyed by Twilio's sid, and the worker turns it into tickets. Every request's signature is checked.
 */
@Controller('webhooks/twilio/voice')
export class TwilioVoiceController {
  constructor(
    private readonly signature: TwilioSignature,
    private readonly inbound: TwilioInboundRepository,
    private readonly twilio: TwilioClient,
    private readonly routing: VoiceRoutingRepository,
  ) {}

  /**
   * The call flow with the current settings (greeting, agent phones, hours may change in the admin
   * settings): a caller from a company with its own greeting hears that one; "0" rings the phones
   * of the agents who are online, else the numbers configured for the line.
   */
  private async flow(from?: string) {
    const config = await this.twilio.config();
    const [greeting, online] = await Promise.all([this.routing.companyGreeting(from), this.routing.onlineAgentPhones()]);
    return new VoiceTwiml(
      { ...config, voiceGreeting: greeting ?? config.voiceGreeting, agentPhones: online.length ? online : config.agentPhones.slice(0, MAX_DIALED) },
      (path) => this.twilio.webhookUrl(path),
    );
  }

  /** A call to one of our numbers: greeting and menu. */
  @Post()
  async incoming(@Req() req: Request, @Res() res: Response) {
    const params = await this.signature.readVerified(req, res);
    if (!params) return;
    sendTwiml(res, (await this.flow(params.From)).menu(1, { greet: true }));
  }

  /** A key press on the menu, or none (`attempt` counts how often the menu was said). */
  @Post('menu')
  async menu(@Req() req: Request, @Res() res: Response, @Query('attempt') attempt: string | undefined) {
    const params = await this.signature.readVerified(req, res);
    if (!params) return;
    const { choice, twiml } = (await this.flow()).choose(params.Digits || undefined, Number(attempt) || 1, new Date(), parseTwilioAddress(params.From) !== null);
    if (choice === 'callback' && !(await this.store(res, 'callback', params.CallSid, params))) return;
    sendTwiml(res, twiml);
  }

  /** <Dial> to the agents ended: hang up if someone answered, else voicemail. */
  @Post('dial-status')
  async dialStatus(@Req() req: Request, @Res() res: Response) {
    const params = await this.signature.readVerified(req, res);
    if (!params) return;
    sendTwiml(res, (await this.flow()).afterDial(params.DialCallStatus));
  }

  /** <Record> finished: the voicemail becomes a ticket entry (the worker downloads the recording). */
  @Post('recorded')
  async recorded(@Req() req: Request, @Res() res: Response) {
    const params = await this.signature.readVerified(req, res);
    if (!params) return;
    if (params.RecordingSid && params.RecordingUrl && !(await this.store(res, 'recording', params.RecordingSid, params))) return;
    sendTwiml(res, (await this.flow()).thanksForMessage());
  }

  /** The voicemail's transcript (transcribeCallback). */
  @Post('transcription')
  async transcription(@Req() req: Request, @Res() res: Response) {
    const params = await this.signature.readVerified(req, res);
    if (!params) return;
    if (!params.RecordingSid) return badRequest(res, 'RecordingSid', 'is required');
    // One transcript per recording: keyed by the RecordingSid, so the voicemail's job can find it.
    if (!(await this.store(res, 'transcription', params.RecordingSid, params))) return;
    res.status(204).end();
  }

  /** Call progress (the number's status callback, and our call backs'): a finished call leaves a timeline entry. */
  @Post('status')
  async status(@Req() req: Request, @Res() res: Response, @Query('ticket') ticket: string | undefined) {
    const params = await this.signature.readVerified(req, res);
    if (!params) return;
    if (FINAL_CALL_STATES.has(params.CallStatus ?? '')) {
      const payload = /^\d{1,10}$/.test(ticket ?? '') ? { ...params, _ticketId: ticket! } : params;
      if (!(await this.store(res, 'call', params.CallSid, payload))) return;
    }
    res.status(204).end();
  }

  /** The agent answered our call back: connect the customer (the number is in the signed URL). */
  @Post('bridge')
  async bridge(@Req() req: Request, @Res() res: Response, @Query('to') to: string | undefined) {
    const params = await this.signature.readVerified(req, res);
    if (!params) return;
    const customer = parseTwilioAddress(to);
    if (!customer) return badRequest(res, 'to', 'must be a phone number');
    sendTwiml(res, (await this.flow()).bridge(customer.e164, params.From || null));
  }

  /** Stores one voice event (idempotent by sid); answers 400 and returns false when the sid is missing. */
  private async store(res: Response, kind: InboundKind, sid: string | undefined, params: Record<string, string>): Promise<boolean> {
    if (!sid) {
      badRequest(res, kind === 'recording' || kind === 'transcription' ? 'RecordingSid' : 'CallSid', 'is required');
      return false;
    }
    await this.inbound.accept({ kind, sid, channel: 'phone', from: params.From ?? '', to: params.To ?? '', payload: params });
    return true;
  }
}
