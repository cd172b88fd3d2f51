import type { Request, Response } from 'express';
import passport from 'passport';
import type { AuthUser } from '../common/actor.js';
import { BEARER } from './bearer.strategy.js';

/** Runs passport's bearer strategy for one request; resolves to the user, or null when there is no valid token. */
export function authenticate(req: Request, res: Response): Promise<AuthUser | null> {
  if (!req.headers.authorization) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    passport.authenticate(BEARER, { session: false }, (error: unknown, user: AuthUser | false) => {
      if (error) reject(error);
      else resolve(user || null);
    })(req, res, () => resolve(null));
  });
}

export function bearerToken(req: Request): string | null {
  const header = req.headers.authorization;
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match ? match[1] : null;
}
