import type { Request, Response } from 'express';
import type { Actor } from '../common/actor.js';

export type Surface = 'trpc' | 'rest';

export interface Context {
  /** The signed-in user with their ability, or null for anonymous calls. */
  actor: Actor | null;
  ip: string | null;
  userAgent: string | null;
  /** Which edge the call came through: the Remix apps use tRPC, integrators REST. */
  surface: Surface;
  req: Request;
  res: Response;
}
