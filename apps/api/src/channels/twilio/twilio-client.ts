import { Inject, Injectable, Logger } from '@nestjs/common';
import twilio from 'twilio';
import type RequestClientTypes from 'twilio/lib/base/RequestClient.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig, TwilioConfig } from '../../config/config.schema.js';
import { parseBusinessHours } from './business-hours.js';
import { SecretBox } from './secret-box.js';
import { TwilioSettingsRepository, type TwilioSettingsRow } from './twilio-settings.repository.js';

type RequestOptions<T> = RequestClientTypes.RequestOptions<T>;

/** Admin changes reach every process within this long. */
const SETTINGS_TTL_MS = 2_000;

/** Twilio's own hosts: api.twilio.com and its regional/edge variants. Credentials go to nobody else. */
export const isTwilioHost = (host: string) => host === 'twilio.com' || host.endsWith('.twilio.com');

/**
 * The library's own HTTP client (axios, Basic auth, form encoding, retries), sending each request
 * to TWILIO_API_BASE_URL instead of *.twilio.com when that is set. A custom `httpClient` is the
 * library's documented extension point; tests point the base at a local fake of the REST API.
 */
class RebasedRequestClient extends twilio.RequestClient {
  constructor(private readonly base: string) {
    super();
  }

  override request<T>(opts: RequestOptions<T>) {
    return super.request<T>({ ...opts, uri: rebase(String(opts.uri), this.base) });
  }
}

export function rebase(uri: string, base: string | null): string {
  if (!base) return uri;
  const url = new URL(uri);
  if (!isTwilioHost(url.hostname)) return uri;
  return `${base}${url.pathname}${url.search}`;
}

/** The environment's settings with the admin's (twilio_settings) laid over them; a NULL column keeps the environment's value. */
export function effectiveConfig(env: TwilioConfig, row: TwilioSettingsRow | null, authToken: string | null): TwilioConfig {
  if (!row) return env;
  return {
    ...env,
    accountSid: row.account_sid ?? env.accountSid,
    authToken: authToken ?? env.authToken,
    smsFrom: row.sms_from ?? env.smsFrom,
    whatsappFrom: row.whatsapp_from ?? env.whatsappFrom,
    voiceGreeting: row.voice_greeting ?? env.voiceGreeting,
    agentPhones: row.agent_phones !== null ? row.agent_phones.split(',').map((n) => n.trim()).filter(Boolean) : env.agentPhones,
    businessHours: (row.business_hours !== null && parseBusinessHours(row.business_hours)) || env.businessHours,
    timeZone: row.time_zone ?? env.timeZone,
  };
}

/**
 * The Twilio settings and REST client of a process. Settings are the environment's, overlaid with
 * what an admin saved (cached for two seconds). Without an account SID and auth token the channel
 * is off (client() is null): nothing is sent and outbound messages stay in the local outbox.
 */
@Injectable()
export class TwilioClient {
  private readonly logger = new Logger(TwilioClient.name);
  private readonly env: TwilioConfig;
  readonly box: SecretBox;
  private cached: { at: number; config: Promise<TwilioConfig> } | null = null;
  private client: { key: string; client: twilio.Twilio } | null = null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly settings: TwilioSettingsRepository,
  ) {
    this.env = config.twilio;
    this.box = new SecretBox(config.signingSecret, 'twilio-settings');
  }

  /** What the environment says, before any admin setting. */
  get environment(): TwilioConfig {
    return this.env;
  }

  config(): Promise<TwilioConfig> {
    if (this.cached && Date.now() - this.cached.at < SETTINGS_TTL_MS) return this.cached.config;
    const config = this.load();
    this.cached = { at: Date.now(), config };
    config.catch(() => (this.cached = null));
    return config;
  }

  /** After an admin saved: the next config() reads the row again. */
  invalidate() {
    this.cached = null;
  }

  private async load(): Promise<TwilioConfig> {
    const row = await this.settings.get();
    let token: string | null = null;
    if (row?.auth_token_encrypted) {
      token = this.box.open(row.auth_token_encrypted);
      if (token === null) this.logger.warn('the stored Twilio auth token cannot be decrypted (was SIGNING_SECRET changed?); enter it again in the admin settings');
    }
    return effectiveConfig(this.env, row, token);
  }

  async enabled() {
    const { accountSid, authToken } = await this.config();
    return Boolean(accountSid && authToken);
  }

  async get(): Promise<twilio.Twilio | null> {
    const { accountSid, authToken, apiBaseUrl } = await this.config();
    if (!accountSid || !authToken) return null;
    const key = `${accountSid}:${authToken}:${apiBaseUrl ?? ''}`;
    if (this.client?.key !== key) {
      this.client = { key, client: twilio(accountSid, authToken, apiBaseUrl ? { httpClient: new RebasedRequestClient(apiBaseUrl) } : {}) };
    }
    return this.client.client;
  }

  /** The public URL of one of our webhooks, as Twilio calls it (and signs it). Deployment, not a setting: from the environment. */
  webhookUrl(path: string) {
    return `${this.env.webhookBaseUrl}${path}`;
  }

  /**
   * GET with the account's credentials (media and recordings). Credentials are only ever sent to
   * Twilio's hosts (or the configured API base); the redirect to storage drops them (fetch does).
   */
  async download(url: string): Promise<Response> {
    const { accountSid, authToken, apiBaseUrl } = await this.config();
    const target = rebase(url, apiBaseUrl);
    const host = new URL(target).host;
    const trusted = isTwilioHost(new URL(target).hostname) || (apiBaseUrl !== null && host === new URL(apiBaseUrl).host);
    const headers: Record<string, string> = {};
    if (trusted && accountSid && authToken) headers.authorization = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
    const res = await fetch(target, { headers, redirect: 'follow' });
    if (!res.ok) throw new Error(`download of ${url} answered ${res.status}`);
    return res;
  }
}
