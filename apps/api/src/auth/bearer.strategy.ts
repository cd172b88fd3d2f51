import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-http-bearer';
import type { AuthUser } from '../common/actor.js';
import { TokenService } from './token.service.js';

export const BEARER = 'bearer';

/** Registered with passport under 'bearer'; the tRPC and REST context authenticate every request with it. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, BEARER) {
  constructor(private readonly tokens: TokenService) {
    super({ passReqToCallback: true });
  }

  async validate(req: Request, token: string): Promise<AuthUser | false> {
    return (await this.tokens.resolve(token, req.ip ?? null)) ?? false;
  }
}
