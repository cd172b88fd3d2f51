import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Invitation } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { AppConfig } from '../../../config/config.schema.js';
import { OutboxRepository } from '../../../outbox/outbox.repository.js';
import { InvitationRepository } from '../../invitation.repository.js';
import { signInvitationToken } from '../../invitation-token.js';
import { PeopleErrors } from '../../people.errors.js';
import { InviteStaffCommand } from './invite-staff.command.js';

/** Admins invite staff by email: a pending user, an invitation row and the email (outbox) commit together. */
@CommandHandler(InviteStaffCommand)
export class InviteStaffHandler implements ICommandHandler<InviteStaffCommand, Invitation> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly invitations: InvitationRepository,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ actor, input }: InviteStaffCommand): Promise<Invitation> {
    if (actor.ability.cannot('create', 'Invitation')) throw PeopleErrors.forbidden('invite staff');
    const expiresAt = new Date(Date.now() + this.config.invitationTtlHours * 3_600_000);
    return this.sequelize.transaction(async (transaction) => {
      // Someone invited before who never accepted can be invited again (the old link stops working).
      const existing = await this.invitations.existing(input.email, transaction);
      if (existing && existing.status !== 'pending') throw PeopleErrors.emailTaken(input.email);
      const { id, userId } = existing
        ? await this.invitations.reinvite(existing.id, { ...input, invitedBy: actor.user.id, expiresAt }, transaction)
        : await this.invitations.create({ ...input, invitedBy: actor.user.id, expiresAt }, transaction);
      const token = signInvitationToken(this.config.signingSecret, id, expiresAt);
      const link = `${this.config.workspaceUrl}/invitation?token=${encodeURIComponent(token)}`;
      await this.audit.record(actor, { action: 'staff.invited', subjectType: 'User', subjectId: userId, after: input }, transaction);
      await this.outbox.append(
        'staff.invited',
        { invitationId: id, email: input.email, name: input.name, inviterName: actor.user.name, link, expiresAt: expiresAt.toISOString() },
        transaction,
      );
      return { id, userId, email: input.email, expiresAt: expiresAt.toISOString() };
    });
  }
}
