import { Injectable } from '@nestjs/common';
import { createMongoAbility } from '@casl/ability';
import { Sequelize } from 'sequelize-typescript';
import { UniqueConstraintError } from 'sequelize';
import { defineAbilityFor } from '../../../access/ability.factory.js';
import type { AppAbility } from '../../../access/app-ability.js';
import type { Actor } from '../../../common/actor.js';
import { toAuthUser } from '../../../users/user.mapper.js';
import { UserRepository } from '../../../users/user.repository.js';
import type { MailAddress } from './inbound-message.js';

/**
 * The person behind an inbound email: the user with that address, or a new customer (no password;
 * linked to the company that claims the address's domain). Their actor carries a marker naming the
 * inbound email, which lands in the audit row the command writes in its own transaction.
 */
@Injectable()
export class InboundSenders {
  constructor(
    private readonly users: UserRepository,
    private readonly sequelize: Sequelize,
  ) {}

  async findOrCreate(from: MailAddress) {
    const email = from.address.toLowerCase();
    const existing = await this.users.findByEmail(email);
    if (existing) return { user: existing, created: false };
    const name = (from.name.trim() || email.slice(0, email.indexOf('@'))).slice(0, 120);
    try {
      const user = await this.sequelize.transaction(async (transaction) => {
        const company = await this.users.findCompanyByEmailDomain(email, transaction);
        return this.users.create({ email, name, passwordHash: null, role: 'customer', companyId: company?.id ?? null }, transaction);
      });
      return { user, created: true };
    } catch (error) {
      // Two messages from a new sender at once: the other one created them.
      if (error instanceof UniqueConstraintError) return { user: (await this.users.findByEmail(email))!, created: false };
      throw error;
    }
  }

  /**
   * An actor for the sender. `grantTicketId`: a CC'd participant or a colleague of the requester
   * writes on a ticket that is not theirs; they may read and reply to that one ticket, nothing more.
   */
  actorFor(user: Parameters<typeof toAuthUser>[0], marker: string, grantTicketId?: number): Actor {
    const auth = toAuthUser(user);
    let ability: AppAbility = defineAbilityFor(auth);
    if (grantTicketId != null) {
      ability = createMongoAbility([
        ...ability.rules,
        { action: ['read', 'reply'], subject: 'Ticket', conditions: { id: grantTicketId } },
      ]) as AppAbility;
    }
    return { user: auth, ability, ip: null, userAgent: marker };
  }
}
