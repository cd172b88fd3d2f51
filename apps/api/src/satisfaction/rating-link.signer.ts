import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { signRatingToken, verifyRatingToken } from './rating-token.js';

const DAY_MS = 86_400_000;

/** Signs and checks one-click rating links with the configured secret and lifetime. */
@Injectable()
export class RatingLinkSigner {
  private readonly logger = new Logger(RatingLinkSigner.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.signingSecretIsDefault && config.env === 'production') {
      this.logger.warn('SIGNING_SECRET is not set: rating links are signed with the public development secret. Set it.');
    }
  }

  sign(ticketId: number, now = Date.now()) {
    return signRatingToken(this.config.signingSecret, ticketId, this.config.ratingLinkTtlDays * DAY_MS, now);
  }

  verify(token: string) {
    return verifyRatingToken(this.config.signingSecret, token);
  }

  /** One link per score: `${PORTAL_URL}/rate/<token>?score=N`. All five share the token, so one of them works once. */
  links(token: string) {
    return [1, 2, 3, 4, 5].map((score) => ({ score, url: `${this.config.portalUrl}/rate/${token}?score=${score}` }));
  }
}
