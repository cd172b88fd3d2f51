import { Command } from '@nestjs/cqrs';
import type { SatisfactionRating } from '@switchboard/contracts';

/** A rating sent from a one-click email link: the signed token is the only credential. */
export class RateByTokenCommand extends Command<SatisfactionRating> {
  constructor(
    readonly token: string,
    readonly rating: number,
    readonly comment: string | undefined,
    readonly from: { ip: string | null; userAgent: string | null },
  ) {
    super();
  }
}
