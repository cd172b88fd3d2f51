import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_ATTACHMENT_TYPES, parseTypePatterns } from '../attachments/attachment-limits.js';
import { parseBusinessHours, type HoursRange } from '../channels/twilio/business-hours.js';
import { parseTrustedProxies } from './trusted-proxies.js';

/** apps/api/{src,dist}/config -> the repository root, where `.data/` lives. */
const REPO_ROOT = resolve(import.meta.dirname, '../../../..');

const url = (protocols: string[], example: string) =>
  z
    .string()
    .refine((v) => URL.canParse(v) && protocols.includes(new URL(v).protocol), {
      error: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')} (e.g. ${example})`,
    });

const port = z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535);

/** Every environment variable the api and worker read, with defaults that work on a developer machine. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: url(['mysql:', 'mariadb:'], 'mysql://root@127.0.0.1:3306/switchboard').default(
    'mysql://root@127.0.0.1:3306/switchboard',
  ),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(20),
  REDIS_URL: url(['redis:', 'rediss:'], 'redis://127.0.0.1:6379').default('redis://127.0.0.1:6379'),
  API_PORT: port.optional(),
  PORT: port.optional(),
  API_HOST: z.string().default('0.0.0.0'),
  PUBLIC_API_URL: url(['http:', 'https:'], 'https://helpdesk.example.com').optional(),
  TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  QUEUE_PREFIX: z.string().regex(/^[a-z0-9_:-]+$/i, { error: 'may hold letters, digits, _ : -' }).default('switchboard'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  OUTBOX_ATTEMPTS: z.coerce.number({ error: 'must be a number of attempts' }).int().min(1).max(50).default(8),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  SENDGRID_API_KEY: z.string().optional(),
  PORTAL_URL: url(['http:', 'https:'], 'https://support.example.com').default('http://localhost:3000'),
  SIGNING_SECRET: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
  RATING_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  REOPEN_WINDOW_DAYS: z.coerce.number().min(0).max(3650).default(7),
  AUTO_CLOSE_DAYS: z.coerce.number().min(0).max(3650).default(4),
  AUTO_CLOSE_EVERY_MS: z.coerce.number().int().min(1000).max(86_400_000).default(300_000),
  ATTACHMENTS_DIR: z.string().default('.data/attachments'),
  WORKSPACE_URL: url(['http:', 'https:'], 'https://desk.example.com').default('http://localhost:3001'),
  INVITATION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(72),
  ROUTING_RECONCILE_MS: z.coerce.number().int().min(500).max(3_600_000).default(30_000),
  ATTACHMENT_MAX_BYTES: z.coerce.number({ error: 'must be a number of bytes' }).int().min(1).max(2 ** 40).default(10 * 1024 * 1024),
  ATTACHMENT_TYPES: z
    .string()
    .refine((v) => parseTypePatterns(v) !== null, { error: 'must be a comma-separated list of MIME types such as image/*,application/pdf' })
    .default(DEFAULT_ATTACHMENT_TYPES.join(',')),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
  OIDC_ISSUER: url(['http:', 'https:'], 'https://login.example.com').optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_LABEL: z.string().min(1).max(60).default('single sign-on'),
  OIDC_GROUPS_CLAIM: z
    .string()
    .regex(/^[^\s]{1,200}$/, { error: 'must be one claim name without spaces, such as groups, roles or realm_access.roles' })
    .default('groups'),
  OIDC_GROUPS_SCOPE: z
    .string()
    .refine((v) => parseScopes(v) !== null, { error: 'must be scope names separated by spaces or commas, such as groups (openid, email and profile are always asked for)' })
    .default(''),
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, { error: 'must be an account SID (AC followed by 32 hex digits)' }).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(8, { error: 'must be the account auth token' }).optional(),
  TWILIO_API_BASE_URL: url(['http:', 'https:'], 'https://api.twilio.com').optional(),
  TWILIO_WEBHOOK_BASE_URL: url(['http:', 'https:'], 'https://helpdesk.example.com').optional(),
  TWILIO_SMS_FROM: z.string().optional(),
  TWILIO_WHATSAPP_FROM: z.string().optional(),
  TWILIO_JOIN_HOURS: z.coerce.number().min(0).max(8760).default(72),
  TWILIO_VOICE_GREETING: z.string().max(500).default('Thank you for calling support.'),
  TWILIO_AGENT_PHONES: z
    .string()
    .refine((v) => v.split(',').every((n) => /^\+[1-9]\d{6,14}$/.test(n.trim())), { error: 'must be comma-separated E.164 numbers such as +4930123456' })
    .optional(),
  TWILIO_BUSINESS_HOURS: z
    .string()
    .refine((v) => parseBusinessHours(v) !== null, { error: 'must look like "Mon-Fri 09:00-17:00" (several ranges separated by ";")' })
    .default('Mon-Fri 09:00-17:00'),
  TWILIO_TIME_ZONE: z
    .string()
    .refine((v) => { try { new Intl.DateTimeFormat('en', { timeZone: v }); return true; } catch { return false; } }, { error: 'must be an IANA time zone such as Europe/Berlin' })
    .default('UTC'),
  REALTIME_RETENTION_SECONDS: z.coerce.number().int().min(10).max(7 * 86_400).default(3600),
  REALTIME_STREAM_MAXLEN: z.coerce.number().int().min(100).max(1_000_000).default(10_000),
  SENDGRID_API_URL: url(['http:', 'https:'], 'https://api.sendgrid.com').default('https://api.sendgrid.com'),
  SENDGRID_EVENT_PUBLIC_KEY: z.string().min(40, { error: 'must be the Event Webhook verification key (base64 or PEM)' }).optional(),
  SENDGRID_INBOUND_SECRET: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
  SUPPORT_EMAIL: z.email({ error: 'must be an email address such as support@example.com' }).default('support@switchboard.localhost'),
  SUPPORT_EMAIL_NAME: z.string().max(100).default('Support'),
  INBOUND_SPAM_SCORE: z.coerce.number({ error: 'must be a number' }).default(5),
  INBOUND_RATE_PER_HOUR: z.coerce.number().int().min(1).default(30),
  EMAIL_AUTO_RATE_PER_HOUR: z.coerce.number().int().min(1).default(20),
  TRUSTED_PROXIES: z
    .string()
    .refine((v) => parseTrustedProxies(v) !== null, {
      error: 'must be comma-separated addresses, CIDR ranges or loopback/linklocal/uniquelocal (e.g. loopback,10.0.0.0/8)',
    })
    .default('loopback'),
});

/**
 * Extra OAuth scopes (RFC 6749 scope-token characters, space- or comma-separated); null when one is
 * not a valid scope token. The three we always ask for are dropped, duplicates too.
 */
export function parseScopes(value: string): string[] | null {
  const tokens = value.split(/[\s,]+/).filter(Boolean);
  if (!tokens.every((t) => /^[\x21\x23-\x5B\x5D-\x7E]{1,100}$/.test(t))) return null;
  return [...new Set(tokens.filter((t) => !['openid', 'email', 'profile'].includes(t)))];
}

/** Signs one-click links when SIGNING_SECRET is unset; fine on a laptop, never in production (warned at boot). */
export const DEV_SIGNING_SECRET = 'switchboard-development-signing-secret';

export type ConfigInput = z.input<typeof configSchema>;

export class ConfigError extends Error {}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  databaseUrl: string;
  databasePoolMax: number;
  redisUrl: string;
  port: number;
  host: string;
  publicApiUrl: string;
  tokenTtlDays: number;
  queuePrefix: string;
  outboxPollMs: number;
  /** How many times Bull runs an outbox job before the row is failed (and the admins alerted). */
  outboxAttempts: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  sendgridApiKey: string | null;
  /** Where customers open the portal; one-click links in emails point there. */
  portalUrl: string;
  /** HMAC key for signed links (rating links); the development default is public. */
  signingSecret: string;
  signingSecretIsDefault: boolean;
  ratingLinkTtlDays: number;
  /** A customer reply to a ticket closed longer ago than this opens a linked follow-up ticket instead. */
  reopenWindowDays: number;
  /** Resolved tickets close by themselves after this many days. */
  autoCloseDays: number;
  autoCloseEveryMs: number;
  attachments: { dir: string; maxBytes: number; types: string[] };
  /** Where staff open the workspace; links in staff emails (invitations, password reset) point there. */
  workspaceUrl: string;
  invitationTtlHours: number;
  /** How often the worker re-routes tickets waiting in automatic teams' queues. */
  routingReconcileMs: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  passwordResetTtlMinutes: number;
  /** Staff single sign-on through OpenID Connect; null when not configured. */
  oidc: {
    issuer: string;
    clientId: string;
    clientSecret: string;
    label: string;
    redirectUri: string;
    /** Where the provider puts the user's groups (`groups`, `roles`, or a dotted path such as `realm_access.roles`). */
    groupsClaim: string;
    /** Scopes asked for besides openid, email and profile (Okta releases groups only with a `groups` scope). */
    extraScopes: string[];
  } | null;
  twilio: TwilioConfig;
  /** Live events are kept per topic in a Redis stream for this long (and at most this many), so a reconnect resumes. */
  realtime: { retentionSeconds: number; streamMaxLen: number };
  email: {
    /** Where @sendgrid/mail sends (tests point it at a local server). */
    sendgridApiUrl: string;
    /** Basic-auth password or path token SendGrid Inbound Parse must present; null = inbound webhook refuses everything. */
    inboundSecret: string | null;
    /** The Event Webhook's ECDSA verification key; null = the events webhook refuses everything. */
    eventPublicKey: string | null;
    supportAddress: string;
    supportName: string;
    /** Inbound mail with a SendGrid spam score above this is kept out of the queue. */
    spamScore: number;
    /** Inbound messages per sender per hour before more are held (loop protection). */
    inboundPerSenderPerHour: number;
    /** Automatic mails (acknowledgements, notifications) per recipient per hour. */
    automaticPerRecipientPerHour: number;
  };
  /**
   * Callers allowed to tell us the browser's address and user agent (the Remix servers, a load
   * balancer): X-Forwarded-For is read right to left, stopping at the first address not in this list.
   */
  trustedProxies: string[];
}

function oidcConfig(c: z.output<typeof configSchema>): AppConfig['oidc'] {
  const set = [c.OIDC_ISSUER, c.OIDC_CLIENT_ID, c.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (set === 0) return null;
  if (set < 3) {
    throw new ConfigError('Invalid configuration:\n  OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET: set all three for single sign-on, or none');
  }
  return {
    issuer: c.OIDC_ISSUER!,
    clientId: c.OIDC_CLIENT_ID!,
    clientSecret: c.OIDC_CLIENT_SECRET!,
    label: c.OIDC_LABEL,
    // The identity provider must list this redirect URI for the client.
    redirectUri: `${c.WORKSPACE_URL.replace(/\/$/, '')}/sso/callback`,
    groupsClaim: c.OIDC_GROUPS_CLAIM,
    extraScopes: parseScopes(c.OIDC_GROUPS_SCOPE)!,
  };
}

/** SMS, WhatsApp and voice through Twilio (channels/twilio/). Without the SID and token the channel is off. */
export interface TwilioConfig {
  accountSid: string | null;
  authToken: string | null;
  /** Where the REST client sends requests: Twilio itself unless set (tests point it at a local fake). */
  apiBaseUrl: string | null;
  /** The public base URL Twilio calls our webhooks on (behind a proxy: the outside address); signatures are checked against it. */
  webhookBaseUrl: string;
  /** Sender when a ticket has no inbound message to answer from (E.164, and for WhatsApp `whatsapp:+...`). */
  smsFrom: string | null;
  whatsappFrom: string | null;
  /** A message joins the sender's open ticket on the same channel if it was active within this many hours. */
  joinHours: number;
  /** Said first on every call. */
  voiceGreeting: string;
  /** Who "0, talk to an agent" rings, at once (agents have no phone numbers in their profiles yet). */
  agentPhones: string[];
  /** When "0" rings agents; outside these hours it goes to voicemail. */
  businessHours: HoursRange[];
  timeZone: string;
}

/** Validates the environment once; a wrong value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = result.data;
  const port = c.API_PORT ?? c.PORT ?? 4000;
  return {
    env: c.NODE_ENV,
    databaseUrl: c.DATABASE_URL,
    databasePoolMax: c.DATABASE_POOL_MAX,
    redisUrl: c.REDIS_URL,
    port,
    host: c.API_HOST,
    publicApiUrl: c.PUBLIC_API_URL ?? `http://localhost:${port}`,
    tokenTtlDays: c.TOKEN_TTL_DAYS,
    queuePrefix: c.QUEUE_PREFIX,
    outboxPollMs: c.OUTBOX_POLL_MS,
    outboxAttempts: c.OUTBOX_ATTEMPTS,
    logLevel: c.LOG_LEVEL,
    sendgridApiKey: c.SENDGRID_API_KEY ?? null,
    portalUrl: c.PORTAL_URL.replace(/\/$/, ''),
    signingSecret: c.SIGNING_SECRET ?? DEV_SIGNING_SECRET,
    signingSecretIsDefault: !c.SIGNING_SECRET,
    ratingLinkTtlDays: c.RATING_LINK_TTL_DAYS,
    reopenWindowDays: c.REOPEN_WINDOW_DAYS,
    autoCloseDays: c.AUTO_CLOSE_DAYS,
    autoCloseEveryMs: c.AUTO_CLOSE_EVERY_MS,
    attachments: {
      dir: isAbsolute(c.ATTACHMENTS_DIR) ? c.ATTACHMENTS_DIR : resolve(REPO_ROOT, c.ATTACHMENTS_DIR),
      maxBytes: c.ATTACHMENT_MAX_BYTES,
      types: parseTypePatterns(c.ATTACHMENT_TYPES)!,
    },
    workspaceUrl: c.WORKSPACE_URL.replace(/\/$/, ''),
    loginMaxFailures: c.LOGIN_MAX_FAILURES,
    loginLockMinutes: c.LOGIN_LOCK_MINUTES,
    passwordResetTtlMinutes: c.PASSWORD_RESET_TTL_MINUTES,
    oidc: oidcConfig(c),
    invitationTtlHours: c.INVITATION_TTL_HOURS,
    routingReconcileMs: c.ROUTING_RECONCILE_MS,
    twilio: {
      accountSid: c.TWILIO_ACCOUNT_SID ?? null,
      authToken: c.TWILIO_AUTH_TOKEN ?? null,
      apiBaseUrl: c.TWILIO_API_BASE_URL?.replace(/\/$/, '') ?? null,
      webhookBaseUrl: (c.TWILIO_WEBHOOK_BASE_URL ?? c.PUBLIC_API_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
      smsFrom: c.TWILIO_SMS_FROM ?? null,
      whatsappFrom: c.TWILIO_WHATSAPP_FROM ?? null,
      joinHours: c.TWILIO_JOIN_HOURS,
      voiceGreeting: c.TWILIO_VOICE_GREETING,
      agentPhones: (c.TWILIO_AGENT_PHONES ?? '').split(',').map((n) => n.trim()).filter(Boolean),
      businessHours: parseBusinessHours(c.TWILIO_BUSINESS_HOURS)!,
      timeZone: c.TWILIO_TIME_ZONE,
    },
    realtime: { retentionSeconds: c.REALTIME_RETENTION_SECONDS, streamMaxLen: c.REALTIME_STREAM_MAXLEN },
    email: {
      sendgridApiUrl: c.SENDGRID_API_URL.replace(/\/$/, ''),
      inboundSecret: c.SENDGRID_INBOUND_SECRET ?? null,
      eventPublicKey: c.SENDGRID_EVENT_PUBLIC_KEY ?? null,
      supportAddress: c.SUPPORT_EMAIL.toLowerCase(),
      supportName: c.SUPPORT_EMAIL_NAME,
      spamScore: c.INBOUND_SPAM_SCORE,
      inboundPerSenderPerHour: c.INBOUND_RATE_PER_HOUR,
      automaticPerRecipientPerHour: c.EMAIL_AUTO_RATE_PER_HOUR,
    },
    trustedProxies: parseTrustedProxies(c.TRUSTED_PROXIES)!,
  };
}
