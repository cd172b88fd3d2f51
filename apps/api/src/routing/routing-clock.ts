import { Injectable } from '@nestjs/common';

/**
 * The time routing checks agents' working hours against. Tests move it with jest.spyOn(clock, 'now')
 * instead of waiting for office hours.
 */
@Injectable()
export class RoutingClock {
  now(): Date {
    return new Date();
  }
}
