import { Injectable } from '@nestjs/common';

/**
 * The time the SLA code runs on. Everything that starts, pauses, meets, warns or breaches a target asks
 * this instead of `new Date()`, so tests move time by replacing `now` (jest.spyOn) instead of sleeping.
 */
@Injectable()
export class SlaClock {
  now(): Date {
    return new Date();
  }
}
