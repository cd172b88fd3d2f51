import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthResult } from '@switchboard/contracts';
import { hashPassword, passwordProblem } from '@switchboard/passwords';
import { UniqueConstraintError } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { toAuthUser, toUser } from '../../../users/user.mapper.js';
import { UserRepository } from '../../../users/user.repository.js';
import { AuthErrors } from '../../auth.errors.js';
import { EmailVerifier } from '../../email-verification/email-verifier.js';
import { TokenService } from '../../token.service.js';
import { RegisterCommand } from './register.command.js';

/**
 * Self-service sign-up always makes a customer without a company and mails a verification link:
 * joining the company that claims the address's domain waits until the address is verified
 * (email-verification/email-verifier.ts).
 */
@CommandHandler(RegisterCommand)
export class RegisterHandler implements ICommandHandler<RegisterCommand, AuthResult> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly users: UserRepository,
    private readonly audit: AuditRepository,
    private readonly tokens: TokenService,
    private readonly verifier: EmailVerifier,
  ) {}

  async execute({ name, email, password, client }: RegisterCommand): Promise<AuthResult> {
    const problem = passwordProblem(password, { email, name });
    if (problem) throw AuthErrors.weakPassword(problem);
    if (await this.users.findByEmail(email)) throw AuthErrors.emailTaken();
    const passwordHash = await hashPassword(password);
    let user;
    try {
      user = await this.sequelize.transaction(async (transaction) => {
        const created = await this.users.create({ email, name, passwordHash, role: 'customer', companyId: null }, transaction);
        await this.audit.record(
          { user: toAuthUser(created), ip: client.ip },
          { action: 'user.registered', subjectType: 'User', subjectId: created.id, after: { email, name, role: 'customer' } },
          transaction,
        );
        await this.verifier.send({ id: created.id!, email, name }, transaction);
        return created;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw AuthErrors.emailTaken();
      throw error;
    }
    const token = await this.tokens.issue(user.id, client);
    return { token, user: toUser(toAuthUser(user)) };
  }
}
