import type { TwilioSettings } from '@switchboard/contracts';
import type { TwilioConfig } from '../../config/config.schema.js';
import type { TwilioSettingsRow } from './twilio-settings.repository.js';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The settings in force, for an admin: never the auth token itself. */
export function toTwilioSettings(config: TwilioConfig, row: TwilioSettingsRow | null): TwilioSettings {
  return {
    enabled: Boolean(config.accountSid && config.authToken),
    accountSid: config.accountSid,
    authTokenSet: Boolean(config.authToken),
    smsFrom: config.smsFrom,
    whatsappFrom: config.whatsappFrom,
    voiceGreeting: config.voiceGreeting,
    agentPhones: config.agentPhones.join(', '),
    businessHours:
      row?.business_hours ??
      config.businessHours
        .map((r) => {
          const days = [...r.days].sort();
          const span = days.length > 1 ? `${DAYS[days[0]! - 1]}-${DAYS[days.at(-1)! - 1]}` : DAYS[days[0]! - 1];
          return `${span} ${hhmm(r.from)}-${hhmm(r.to)}`;
        })
        .join('; '),
    timeZone: config.timeZone,
    whatsappTemplates: row?.whatsapp_templates ?? '',
    webhookBaseUrl: config.webhookBaseUrl,
    updatedAt: row?.updated_at ? new Date(row.updated_at).toISOString() : null,
  };
}
