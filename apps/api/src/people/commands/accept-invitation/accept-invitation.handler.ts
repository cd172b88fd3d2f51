import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthResult } from '@switchboard/contracts';
import { hashPassword, passwordProblem } from '@switchboard/passwords';
import { AuthErrors } from '../../../auth/auth.errors.js';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { TokenService } from '../../../auth/token.service.js';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { AppConfig } from '../../../config/config.schema.js';
import { toAuthUser, toUser } from '../../../users/user.mapper.js';
import { UserRepository } from '../../../users/user.repository.js';
import { InvitationRepository } from '../../invitation.repository.js';
import { verifyInvitationToken } from '../../invitation-token.js';
import { PeopleErrors } from '../../people.errors.js';
import { AcceptInvitationCommand } from './accept-invitation.command.js';

const REASONS = { malformed: 'this invitation link is not valid', forged: 'this invitation link is not valid', expired: 'this invitation has expired; ask for a new one' };

/** The signed link is the credential: it works once, before it expires, and sets the name and password. */
@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitationCommand, AuthResult> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly invitations: InvitationRepository,
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ token, name, password, client }: AcceptInvitationCommand): Promise<AuthResult> {
    const check = verifyInvitationToken(this.config.signingSecret, token);
    if (!check.ok) throw PeopleErrors.invalidInvitation(REASONS[check.reason]);
    // The same password policy as sign-up and reset (libs/passwords).
    const problem = passwordProblem(password, { name });
    if (problem) throw AuthErrors.weakPassword(problem);
    const passwordHash = await hashPassword(password);
    const userId = await this.sequelize.transaction(async (transaction) => {
      const row = await this.invitations.lock(check.claims.id, transaction);
      if (!row) throw PeopleErrors.invalidInvitation(REASONS.forged);
      if (row.acceptedAt || row.userStatus !== 'pending') throw PeopleErrors.invalidInvitation('this invitation has been used already');
      if (new Date(row.expiresAt).getTime() <= Date.now()) throw PeopleErrors.invalidInvitation(REASONS.expired);
      await this.invitations.accept(row, name, passwordHash, transaction);
      await this.audit.record(
        { user: { id: row.userId } as never, ip: client.ip, userAgent: client.userAgent },
        { action: 'staff.invitation_accepted', subjectType: 'User', subjectId: row.userId, after: { name } },
        transaction,
      );
      return row.userId;
    });
    const user = (await this.users.findById(userId))!;
    return { token: await this.tokens.issue(userId, client), user: toUser(toAuthUser(user)) };
  }
}
