import { initTRPC, TRPCError } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';
import type { Action, SubjectName } from '../access/app-ability.js';
import { AuthErrors } from '../auth/auth.errors.js';
import { DomainError } from '../common/domain-error.js';
import type { Context } from './context.js';
import { InputError, toTrpcError } from './error-mapper.js';

const t = initTRPC
  .context<Context>()
  .meta<OpenApiMeta>()
  .create({
    // Live subscriptions (server-sent events): a ping keeps proxies from closing a quiet stream, and
    // a client that hears nothing for longer reconnects (resuming from its last event id).
    sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 40_000 } },
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      return {
        ...shape,
        data: {
          ...shape.data,
          // Never leak stack traces to clients, even in development.
          stack: undefined,
          fieldErrors: cause instanceof InputError ? cause.fieldErrors : undefined,
          domainCode: cause instanceof InputError ? cause.domainCode : cause instanceof DomainError ? cause.code : undefined,
          details: cause instanceof DomainError ? cause.details : undefined,
        },
      };
    },
  });

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;

/** Every procedure starts here: domain and validation errors are turned into tRPC codes naming the field. */
export const publicProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTrpcError(result.error);
    if (mapped) throw mapped;
  }
  return result;
});

/** What a session that still has to set up two-factor sign-in may do: see who it is, sign out, set it up. */
const TWO_FACTOR_SETUP_PATHS = new Set([
  'auth.me',
  'auth.logout',
  'account.sessions',
  'account.revokeSession',
  'account.revokeOtherSessions',
  'account.apiKeys',
  'account.twoFactorStatus',
  'account.setupTwoFactor',
  'account.enableTwoFactor',
]);

export const authedProcedure = publicProcedure.use(({ ctx, next, type, path }) => {
  if (!ctx.actor) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first: send Authorization: Bearer <token>' });
  }
  // An API key of an owner who must use two-factor but has not set it up does nothing at all (decision 027).
  if (ctx.actor.user.apiKey?.refused === 'two_factor_not_enrolled') throw AuthErrors.apiKeyTwoFactorRequired(ctx.actor.user.role);
  // The admins require two-factor for this role and this session has not passed it (decision 017).
  if (ctx.actor.user.twoFactorSetupRequired && !TWO_FACTOR_SETUP_PATHS.has(path)) throw AuthErrors.twoFactorSetupRequired();
  // A read-only API key may run queries only, whatever its owner's role allows.
  if (ctx.actor.user.apiKey?.scope === 'read' && type !== 'query') throw AuthErrors.readOnlyKey();
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/**
 * "May this user do `action` on any `subject` at all?" Rejects early with FORBIDDEN;
 * the handler then checks the row itself (a type-level check cannot know whose ticket it is).
 */
export function requireAbility(action: Action, subject: SubjectName) {
  return authedProcedure.use(({ ctx, next }) => {
    if (ctx.actor.ability.cannot(action, subject)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `Your role (${ctx.actor.user.role}) may not ${action} ${subject}` });
    }
    return next();
  });
}
