import type { Request, Response } from 'express';
import { defineAbilityFor } from '../access/ability.factory.js';
import { authenticate } from '../auth/authenticate.js';
import { clientOf } from '../http/client-meta.js';
import type { Context, Surface } from './context.js';

/** Builds the per-request context: the bearer token is checked by passport, the ability derived from the user. */
export function contextFactory(surface: Surface) {
  return async ({ req, res }: { req: Request; res: Response }): Promise<Context> => {
    const user = await authenticate(req, res);
    const { ip, userAgent } = clientOf(req);
    return {
      actor: user ? { user, ability: defineAbilityFor(user), ip, userAgent } : null,
      ip,
      userAgent,
      surface,
      req,
      res,
    };
  };
}
