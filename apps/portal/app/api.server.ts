import { data } from '@remix-run/node';
import type {
  NotificationPreferences,
  AuthResult,
  Catalog,
  Company,
  CompanyInvitation,
  CompanyMember,
  CreateTicketInput,
  ListTicketsInput,
  LoginInput,
  PasswordReset,
  PasswordResetRequest,
  VerifyEmailInput,
  VerifyEmailResult,
  RateByTokenInput,
  RateTicketInput,
  RegisterInput,
  RequestCallbackInput,
  SatisfactionRating,
  KbArticle,
  KbCategory,
  KbLink,
  KbSearchInput,
  KbSearchResult,
  Ticket,
  TicketLink,
  TicketRating,
  TicketPage,
  Timeline,
  TimelineEntry,
  User,
} from '@switchboard/contracts';
import { apiErrorKind, apiFieldErrors, createApiClient, type ApiErrorKind } from '@switchboard/trpc-client';
import { config } from './config.server';
import { requireUser, signOutAndRedirect, type PortalSession, type SessionUser } from './session.server';

/**
 * The procedures the portal calls, typed by the shared contracts.
 * The real client (typed by the API's AppRouter) must be assignable to this, so a change in the API
 * that breaks the portal fails `tsc -p apps/portal`; and this shows at a glance what the portal uses.
 */
interface PortalProcedures {
  auth: {
    register: { mutate(input: RegisterInput): Promise<AuthResult> };
    login: { mutate(input: LoginInput): Promise<AuthResult> };
    logout: { mutate(): Promise<{ ok: true }> };
    me: { query(): Promise<User> };
    requestPasswordReset: { mutate(input: PasswordResetRequest): Promise<{ ok: true }> };
    resetPassword: { mutate(input: PasswordReset): Promise<{ ok: true }> };
    verifyEmail: { mutate(input: VerifyEmailInput): Promise<VerifyEmailResult> };
    resendVerification: { mutate(): Promise<{ ok: true }> };
  };
  catalog: {
    /** Active issue types with their customer-visible fields only. */
    get: { query(): Promise<Catalog> };
  };
  tickets: {
    create: { mutate(input: CreateTicketInput): Promise<Ticket> };
    list: { query(input: ListTicketsInput): Promise<TicketPage> };
    get: { query(input: { id: number }): Promise<Ticket> };
    timeline: { query(input: { id: number; before?: string }): Promise<Timeline> };
    reply: { mutate(input: { id: number; body: string; internal: false; attachmentIds?: number[] }): Promise<TimelineEntry> };
    close: { mutate(input: { id: number }): Promise<Ticket> };
    reopen: { mutate(input: { id: number }): Promise<Ticket> };
    /** Only links to tickets the customer may read. */
    links: { query(input: { id: number }): Promise<{ links: TicketLink[] }> };
  };
  satisfaction: {
    rate: { mutate(input: RateTicketInput): Promise<SatisfactionRating> };
    forTicket: { query(input: { ticketId: number }): Promise<TicketRating> };
    rateByToken: { mutate(input: RateByTokenInput): Promise<SatisfactionRating> };
  };
  sla: {
    /** When to expect an answer; both null unless the customer's company wants it shown. */
    expectedResponse: { query(input: { ticketId: number }): Promise<{ dueAt: string | null; text: string | null }> };
  };
  /** A company user's own company (branding); company admins also manage its users. */
  companies: {
    list: { query(): Promise<Company[]> };
    members: { query(input: { companyId: number }): Promise<CompanyMember[]> };
    inviteMember: { mutate(input: { companyId: number; email: string; name: string }): Promise<CompanyInvitation> };
    removeMember: { mutate(input: { userId: number }): Promise<{ userId: number; companyId: null; ticketsMoved: number }> };
    setCompanyAdmin: { mutate(input: { userId: number; companyAdmin: boolean }): Promise<CompanyMember> };
  };
  people: {
    /** Public: the signed link is the credential. */
    acceptInvitation: { mutate(input: { token: string; name: string; password: string }): Promise<AuthResult> };
  };
  phone: {
    /** "Call me back": an urgent phone ticket. */
    requestCallback: { mutate(input: RequestCallbackInput): Promise<Ticket> };
  };
  /** Public: readable without sign-in; a signed-in customer's token widens what they see. */
  kb: {
    search: { query(input: KbSearchInput & { deflection?: boolean }): Promise<KbSearchResult> };
    suggest: { query(input: { q: string; locale?: string }): Promise<KbLink[]> };
    article: { query(input: { slug: string }): Promise<KbArticle> };
    categories: { query(): Promise<KbCategory[]> };
    category: {
      query(input: { slug: string; locale?: string }): Promise<{
        category: KbCategory;
        breadcrumbs: { name: string; slug: string }[];
        children: KbCategory[];
        articles: KbLink[];
      }>;
    };
    sitemap: { query(): Promise<{ slug: string; updatedAt: string }[]> };
    locales: { query(): Promise<{ default: string; locales: string[] }> };
    recordView: { mutate(input: { id: number }): Promise<{ ok: true }> };
    rate: { mutate(input: { id: number; helpful: boolean; comment?: string }): Promise<{ ok: true }> };
    deflect: { mutate(input: { articleId: number; query: string }): Promise<{ ok: true; slug: string }> };
  };
  live: {
    /** Read receipt: the customer has been shown the ticket's timeline up to this entry. */
    seen: { mutate(input: { ticketId: number; entryId: number }): Promise<{ advanced: boolean }> };
  };
  /** The signed-in person's notification document (a customer uses only `customer`: Email settings). */
  inbox: {
    preferences: { query(): Promise<NotificationPreferences> };
    updatePreferences: { mutate(input: NotificationPreferences): Promise<NotificationPreferences> };
  };
}

export type PortalApi = PortalProcedures;

function forwardedFor(request: Request): string | null {
  return request.headers.get('x-forwarded-for');
}

function client(request: Request, token: string | null): PortalApi {
  // No cast: if the API's router stops matching what the portal expects, type-checking says so here.
  return createApiClient({ url: config.apiUrl, token, forwardedFor: forwardedFor(request), userAgent: request.headers.get('user-agent') });
}

/** A client for calls made before sign-in (login, register). */
export function anonymousApi(request: Request): PortalApi {
  return client(request, null);
}

/** A client acting as the holder of `token`. */
export function apiWithToken(request: Request, token: string): PortalApi {
  return client(request, token);
}

/** The signed-in user and a client that calls the API with their token; redirects to /login otherwise. */
export async function requireApi(
  request: Request,
): Promise<{ user: SessionUser; session: PortalSession; api: PortalApi; token: string }> {
  const { user, token, session } = await requireUser(request);
  return { user, session, api: client(request, token), token };
}

/** What an error page needs to say what happened; sent as the data of a thrown response. */
export interface ApiProblem {
  kind: ApiErrorKind;
  message: string;
  apiUrl?: string;
}

export function unreachableMessage(): string {
  return `Switchboard's API is not reachable at ${config.apiUrl}. Try again in a moment.`;
}

/**
 * Turns an API failure in a loader into the response the user should get:
 * revoked token -> sign in again; API down -> 503; not yours or missing -> 404; anything else -> 500.
 * Always throws.
 */
export async function throwApiFailure(error: unknown, request: Request, session: PortalSession, what = 'That page'): Promise<never> {
  const kind = apiErrorKind(error);
  switch (kind) {
    case 'unauthorized':
      return signOutAndRedirect(request, session);
    case 'unreachable':
      throw data<ApiProblem>({ kind, message: unreachableMessage(), apiUrl: config.apiUrl }, { status: 503 });
    case 'not_found':
    case 'forbidden':
      // Someone else's ticket looks exactly like a missing one: no hint that it exists.
      throw data<ApiProblem>({ kind: 'not_found', message: `${what} does not exist, or you do not have access to it.` }, { status: 404 });
    case 'bad_request':
      throw data<ApiProblem>({ kind, message: 'The API did not accept that request.' }, { status: 400 });
    default:
      console.error('[portal] API call failed:', error);
      throw data<ApiProblem>({ kind: 'other', message: 'Something went wrong while talking to the API.' }, { status: 500 });
  }
}

/** Some API messages repeat the field ("email: an account ... exists"); the form already shows the label. */
function withoutFieldPrefix(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [field, message.replace(new RegExp(`^${field.replace(/\W/g, '\\$&')}:\\s*`, 'i'), '')]),
  );
}

/** Result of a failed form submission: field errors to show next to inputs, and/or one message for the form. */
export interface FormFailure {
  fieldErrors: Record<string, string>;
  formError: string | null;
  status: number;
}

/**
 * For actions: the API said no, so show why on the form (keeping what was typed).
 * A revoked token still signs the user out; `messages` gives friendlier text per kind.
 */
export async function formFailure(
  error: unknown,
  request: Request,
  session: PortalSession | null,
  messages: Partial<Record<ApiErrorKind, string>> = {},
): Promise<FormFailure> {
  const kind = apiErrorKind(error);
  if (kind === 'unauthorized' && session) return signOutAndRedirect(request, session);
  if (kind === 'unreachable') return { fieldErrors: {}, formError: unreachableMessage(), status: 503 };
  const fieldErrors = kind === 'bad_request' || kind === 'conflict' ? withoutFieldPrefix(apiFieldErrors(error)) : {};
  const fallback: Record<ApiErrorKind, string> = {
    unreachable: unreachableMessage(),
    unauthorized: 'You are not signed in.',
    forbidden: 'You are not allowed to do that.',
    not_found: 'That ticket does not exist, or you do not have access to it.',
    bad_request: 'Please check the highlighted fields.',
    conflict: 'That conflicts with something that already exists.',
    // The API's own words say how long to wait (e.g. an account locked after failed sign-ins).
    too_many_requests: error instanceof Error && error.message ? error.message : 'Too many attempts. Please wait a moment.',
    other: 'Something went wrong on our side. Please try again.',
  };
  if (kind === 'other') console.error('[portal] API call failed:', error);
  const status = { unreachable: 503, unauthorized: 401, forbidden: 403, not_found: 404, bad_request: 400, conflict: 409, too_many_requests: 429, other: 500 }[kind];
  return { fieldErrors, formError: messages[kind] ?? fallback[kind], status };
}
