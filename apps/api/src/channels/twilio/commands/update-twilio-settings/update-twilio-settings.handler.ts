import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { TwilioSettings, UpdateTwilioSettingsInput } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../../audit/audit.repository.js';
import { parseBusinessHours } from '../../business-hours.js';
import { parseTwilioAddress } from '../../twilio-address.js';
import { TwilioClient } from '../../twilio-client.js';
import { toTwilioSettings } from '../../twilio-settings.mapper.js';
import { TwilioSettingsRepository, type TwilioSettingsChange } from '../../twilio-settings.repository.js';
import { TwilioErrors, invalidSetting } from '../../twilio.errors.js';
import { parseWhatsappTemplates } from '../../whatsapp-templates.js';
import { UpdateTwilioSettingsCommand } from './update-twilio-settings.command.js';

const blankToNull = (v: string | undefined) => (v === undefined ? undefined : v === '' ? null : v);

/** Checks every given field (400 naming the first wrong one), then saves them with an audit entry that never holds the token. */
@CommandHandler(UpdateTwilioSettingsCommand)
export class UpdateTwilioSettingsHandler implements ICommandHandler<UpdateTwilioSettingsCommand, TwilioSettings> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly settings: TwilioSettingsRepository,
    private readonly twilio: TwilioClient,
    private readonly audit: AuditRepository,
  ) {}

  async execute({ actor, input }: UpdateTwilioSettingsCommand): Promise<TwilioSettings> {
    if (actor.ability.cannot('manage', 'ChannelSettings')) throw TwilioErrors.forbidden('change the phone channel settings');
    const change = validate(input);
    const changed = Object.keys(change).map((k) => (k === 'auth_token_encrypted' ? 'auth_token' : k));
    if (change.auth_token_encrypted) change.auth_token_encrypted = this.twilio.box.seal(change.auth_token_encrypted);
    await this.sequelize.transaction(async (transaction) => {
      await this.settings.save(change, actor.user.id);
      await this.audit.record(actor, { action: 'settings.twilio_updated', subjectType: 'Settings', subjectId: 'twilio', after: { changed } }, transaction);
    });
    this.twilio.invalidate();
    return toTwilioSettings(await this.twilio.config(), await this.settings.get());
  }
}

function validate(input: UpdateTwilioSettingsInput): TwilioSettingsChange {
  const change: TwilioSettingsChange = {};
  const sid = blankToNull(input.accountSid);
  if (sid !== undefined) {
    if (sid !== null && !/^AC[0-9a-fA-F]{32}$/.test(sid)) throw invalidSetting('accountSid', 'must be an account SID (AC followed by 32 hex digits)');
    change.account_sid = sid;
  }
  if (input.clearAuthToken) change.auth_token_encrypted = null;
  else if (input.authToken) {
    if (input.authToken.length < 8) throw invalidSetting('authToken', 'must be the account auth token');
    change.auth_token_encrypted = input.authToken;
  }
  for (const [field, column, whatsapp] of [
    ['smsFrom', 'sms_from', false],
    ['whatsappFrom', 'whatsapp_from', true],
  ] as const) {
    const value = blankToNull(input[field]);
    if (value === undefined) continue;
    if (value !== null) {
      const address = parseTwilioAddress(value);
      if (!address || (address.channel === 'whatsapp') !== whatsapp) {
        throw invalidSetting(field, whatsapp ? 'must be a WhatsApp sender such as whatsapp:+14155238886' : 'must be a phone number with its country code');
      }
    }
    change[column] = value;
  }
  const greeting = blankToNull(input.voiceGreeting);
  if (greeting !== undefined) change.voice_greeting = greeting;
  const phones = blankToNull(input.agentPhones);
  if (phones !== undefined) {
    if (phones !== null) {
      const numbers = phones.split(',').map((n) => parseTwilioAddress(n.trim()));
      if (numbers.some((n) => !n || n.channel !== 'sms')) throw invalidSetting('agentPhones', 'must be comma-separated phone numbers with their country code');
      change.agent_phones = numbers.map((n) => n!.e164).join(',');
    } else change.agent_phones = null;
  }
  const hours = blankToNull(input.businessHours);
  if (hours !== undefined) {
    if (hours !== null && !parseBusinessHours(hours)) throw invalidSetting('businessHours', 'must look like "Mon-Fri 09:00-17:00" (several ranges separated by ";")');
    change.business_hours = hours;
  }
  const zone = blankToNull(input.timeZone);
  if (zone !== undefined) {
    if (zone !== null) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
      } catch {
        throw invalidSetting('timeZone', 'must be an IANA time zone such as Europe/Berlin');
      }
    }
    change.time_zone = zone;
  }
  const templates = blankToNull(input.whatsappTemplates);
  if (templates !== undefined) {
    const parsed = parseWhatsappTemplates(templates);
    if ('error' in parsed) throw invalidSetting('whatsappTemplates', parsed.error);
    change.whatsapp_templates = templates;
  }
  return change;
}
