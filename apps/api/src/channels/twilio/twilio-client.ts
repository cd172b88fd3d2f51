import { Inject, Injectable } from '@nestjs/common';
import twilio from 'twilio';
import type RequestClientTypes from 'twilio/lib/base/RequestClient.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig, TwilioConfig } from '../../config/config.schema.js';

type RequestOptions<T> = RequestClientTypes.RequestOptions<T>;

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

/**
 * The one Twilio REST client of a process, or null when the channel is off (no account SID or
 * auth token): then nothing is sent and outbound messages stay in the local outbox.
 */
@Injectable()
export class TwilioClient {
  readonly config: TwilioConfig;
  private client: twilio.Twilio | null | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.config = config.twilio;
  }

  get enabled() {
    return Boolean(this.config.accountSid && this.config.authToken);
  }

  get(): twilio.Twilio | null {
    if (this.client !== undefined) return this.client;
    const { accountSid, authToken, apiBaseUrl } = this.config;
    if (!accountSid || !authToken) {
      // Said once at boot by the reply sender; every message kept local says why, too.
      this.client = null;
      return null;
    }
    this.client = twilio(accountSid, authToken, apiBaseUrl ? { httpClient: new RebasedRequestClient(apiBaseUrl) } : {});
    return this.client;
  }

  /** The public URL of one of our webhooks, as Twilio calls it (and signs it). */
  webhookUrl(path: string) {
    return `${this.config.webhookBaseUrl}${path}`;
  }

  /**
   * GET with the account's credentials (media and recordings). Credentials are only ever sent to
   * Twilio's hosts (or the configured API base); the redirect to storage drops them (fetch does).
   */
  async download(url: string): Promise<Response> {
    const { accountSid, authToken, apiBaseUrl } = this.config;
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
