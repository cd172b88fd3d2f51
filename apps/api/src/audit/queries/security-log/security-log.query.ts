import { Query } from '@nestjs/cqrs';
import type { SecurityLog, SecurityLogFilter } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class SecurityLogQuery extends Query<SecurityLog> {
  constructor(
    readonly actor: Actor,
    readonly input: SecurityLogFilter,
  ) {
    super();
  }
}
