import { Injectable } from '@nestjs/common';

/**
 * The time the knowledge base records readers' traces on (search misses per day). Tests move it with
 * jest.spyOn(app.get(KbClock), 'now') instead of waiting for a day to pass.
 */
@Injectable()
export class KbClock {
  now(): Date {
    return new Date();
  }
}
