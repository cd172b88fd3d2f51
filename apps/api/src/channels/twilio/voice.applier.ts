import { Injectable, Logger } from '@nestjs/common';
import { CommandBus, EventBus } from '@nestjs/cqrs';
import { CALLBACK_TAG } from '@switchboard/contracts';
import type { Transaction } from 'sequelize';
import { EntryCallsRepository, type CallRecord } from '../../tickets/timeline/entry-calls.repository.js';
import { AddTicketEntryCommand } from '../../tickets/commands/add-ticket-entry/add-ticket-entry.command.js';
import { UpdateTicketCommand } from '../../tickets/commands/update-ticket/update-ticket.command.js';
import { TicketEntryUpdatedEvent } from '../../tickets/events/ticket-entry-updated.event.js';
import { SystemActor } from '../../users/system-actor.js';
import { callSummary, formatDuration } from './call-summary.js';
import { CustomerPhonesRepository } from './customer-phones.repository.js';
import { CustomerTickets, sourceKeyOf, subjectFrom } from './customer-tickets.js';
import { MediaFetcher } from './media-fetcher.js';
import { parseTwilioAddress } from './twilio-address.js';
import { TwilioActor } from './twilio-actor.js';
import { TwilioInboundRepository, type InboundOutcome, type InboundRow } from './twilio-inbound.repository.js';


const IGNORED: InboundOutcome = { outcome: 'ignored', ticketId: null, entryId: null };

/**
 * Applies stored voice events: a finished call (its timeline entry), a callback request (a new
 * ticket, raised urgency, tagged callback-requested), a voicemail (the recording as an
 * attachment, the transcript as the message) and a transcript that arrives after its voicemail.
 * The caller holds the row's lock and records the outcome.
 */
@Injectable()
export class VoiceApplier {
  private readonly logger = new Logger(VoiceApplier.name);

  constructor(
    private readonly phones: CustomerPhonesRepository,
    private readonly actors: TwilioActor,
    private readonly tickets: CustomerTickets,
    private readonly media: MediaFetcher,
    private readonly inbound: TwilioInboundRepository,
    private readonly system: SystemActor,
    private readonly commands: CommandBus,
    private readonly calls: EntryCallsRepository,
    private readonly events: EventBus,
  ) {}

  /** Fills in the call's entry (only what is still empty); an open ticket page shows it without a reload. */
  private async completeCall(callSid: string, patch: Parameters<EntryCallsRepository['complete']>[1]) {
    const entryId = await this.calls.complete(callSid, patch);
    if (entryId !== null) this.events.publish(new TicketEntryUpdatedEvent(entryId, 'call'));
  }

  /** The call entry's details; a voicemail left during the call (and its transcript) if the worker already has them. */
  private async callRecord(row: InboundRow): Promise<CallRecord> {
    const p = row.payload as Record<string, string>;
    const voicemail = await this.inbound.voicemailOfCall(row.sid);
    return {
      sid: row.sid,
      direction: (p.Direction ?? 'inbound') === 'inbound' ? 'inbound' : 'outbound',
      from: p.From ?? '',
      to: p.To ?? '',
      status: p.CallStatus ?? 'unknown',
      durationSeconds: Number(p.CallDuration ?? p.Duration ?? 0) || 0,
      recordingAttachmentId: voicemail?.attachmentId ?? null,
      transcription: voicemail?.transcription ?? null,
    };
  }

  /** The customer who called (inbound) or was called; null for a withheld number. */
  private async caller(p: Record<string, string>) {
    const inbound = (p.Direction ?? 'inbound') === 'inbound';
    const address = parseTwilioAddress(inbound ? p.From : p.To);
    if (!address) return null;
    const phone = await this.phones.findOrCreate(address.e164, p.CallerName ?? null);
    return { e164: address.e164, actor: await this.actors.of(phone.userId), withheld: false };
  }

  private async withheldCaller() {
    return { e164: 'a withheld number', actor: await this.actors.of(await this.phones.withheldCaller()), withheld: true };
  }

  async call(row: InboundRow): Promise<InboundOutcome> {
    const p = row.payload as Record<string, string>;
    const body = callSummary(p);
    const sourceKey = sourceKeyOf(row);
    if (p._ticketId) {
      // One of our call backs: a call entry on the ticket it was made from.
      const earlier = await this.tickets.bySource(sourceKey);
      if (earlier) return earlier;
      const entry = await this.commands.execute(
        new AddTicketEntryCommand(await this.system.get(), Number(p._ticketId), body, false, 'phone', [], undefined, { sourceKey, call: await this.callRecord(row) }),
      );
      return { outcome: 'call_logged', ticketId: entry.ticketId, entryId: entry.id };
    }
    const who = await this.caller(p);
    if (!who) return this.withheld(row);
    return this.tickets.post(who.actor, { channel: 'phone', body, subject: `Call from ${who.e164}`, sourceKey, call: await this.callRecord(row) });
  }

  async callback(row: InboundRow): Promise<InboundOutcome> {
    const p = row.payload as Record<string, string>;
    const who = await this.caller(p);
    if (!who) return this.withheld(row);
    const outcome = await this.tickets.post(who.actor, {
      channel: 'phone',
      subject: `Callback requested by ${who.e164}`,
      body: `Callback requested by phone: please call ${who.e164} back.`,
      urgency: 'high',
      newTicket: true,
      sourceKey: sourceKeyOf(row),
    });
    // Also after a recovered run (the ticket was made, the job died before tagging): adding a tag it has changes nothing.
    await this.commands.execute(new UpdateTicketCommand(await this.system.get(), outcome.ticketId!, { addTags: [CALLBACK_TAG] }));
    return { ...outcome, outcome: 'callback' };
  }

  /** A voicemail: the recording downloaded and attached, with the transcript if it came first. */
  async recording(row: InboundRow, transaction: Transaction): Promise<InboundOutcome> {
    const p = row.payload as Record<string, string>;
    // A voicemail from a withheld number still counts: a ticket of its own, by "Unknown caller".
    const earlier = await this.tickets.bySource(sourceKeyOf(row));
    if (earlier) return { ...earlier, outcome: 'voicemail_recovered' };
    const who = (await this.caller(p)) ?? (await this.withheldCaller());
    const stored = await this.media.store(who.actor, `${p.RecordingUrl}.mp3`, 'voicemail.mp3', 'audio/mpeg');
    // Locked: the transcript's own job waits for us, then finds it merged.
    const transcript = await this.inbound.lockBySid('transcription', row.sid, transaction);
    const text = transcript && transcriptText(transcript) && (!transcript.processed_at || transcript.outcome === 'held') ? transcriptText(transcript) : null;
    const duration = formatDuration(Number(p.RecordingDuration) || 0);
    const lines = [`🎙 Voicemail from ${who.e164} (${duration})${text ? ':' : '.'}`];
    if (text) lines.push(text);
    else lines.push('The transcript follows when it is ready.');
    if (typeof stored === 'string') lines.push(`[recording not attached: ${stored}]`);
    const outcome = await this.tickets.post(who.actor, {
      channel: 'phone',
      newTicket: who.withheld,
      body: lines.join('\n\n'),
      subject: text ? subjectFrom(text, `Voicemail from ${who.e164}`) : `Voicemail from ${who.e164}`,
      attachmentIds: typeof stored === 'number' ? [stored] : [],
      sourceKey: sourceKeyOf(row),
    });
    if (transcript && text) await this.inbound.markProcessed(transcript.id, { ...outcome, outcome: 'merged' }, transaction);
    // The call's entry, if the call ended before this job ran, links the voicemail.
    if (p.CallSid) await this.completeCall(p.CallSid, { recordingAttachmentId: typeof stored === 'number' ? stored : null, transcription: text });
    return { ...outcome, outcome: `voicemail_${outcome.outcome}` };
  }

  /** A transcript after its voicemail was posted: added below it. Before: held for the voicemail's job. */
  async transcription(row: InboundRow): Promise<InboundOutcome> {
    const text = transcriptText(row);
    if (!text) return { ...IGNORED, outcome: 'no_transcript' };
    const voicemail = await this.inbound.bySid('recording', row.sid);
    if (!voicemail?.processed_at || !voicemail.ticket_id) return { ...IGNORED, outcome: 'held' };
    const earlier = await this.tickets.bySource(sourceKeyOf(row));
    if (earlier) return earlier;
    const p = row.payload as Record<string, string>;
    const who = (await this.caller({ ...p, From: p.From || voicemail.from_address, Direction: 'inbound' })) ?? (await this.withheldCaller());
    const entry = await this.commands.execute(
      new AddTicketEntryCommand(who.actor, Number(voicemail.ticket_id), `Transcript of the voicemail:\n\n${text}`, false, 'phone', [], undefined, { sourceKey: sourceKeyOf(row) }),
    );
    const callSid = p.CallSid || (voicemail.payload as Record<string, string>).CallSid;
    if (callSid) await this.completeCall(callSid, { transcription: text });
    return { outcome: 'transcript_added', ticketId: entry.ticketId, entryId: entry.id };
  }

  private withheld(row: InboundRow): InboundOutcome {
    this.logger.warn(`twilio ${row.kind} ${row.sid}: the caller's number is withheld or not a phone number; no ticket entry for it`);
    return { ...IGNORED, outcome: 'withheld_number' };
  }
}

function transcriptText(row: InboundRow): string | null {
  const p = row.payload as Record<string, string>;
  return p.TranscriptionStatus === 'completed' && p.TranscriptionText?.trim() ? p.TranscriptionText.trim() : null;
}
