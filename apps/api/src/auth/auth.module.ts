import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PassportModule } from '@nestjs/passport';
import { SequelizeModule } from '@nestjs/sequelize';
import { AuditModule } from '../audit/audit.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { UsersModule } from '../users/users.module.js';
import { AccountRouter } from './account.router.js';
import { ApiKeyModel } from './api-keys/api-key.model.js';
import { ApiKeyRepository } from './api-keys/api-key.repository.js';
import { ApiKeysService } from './api-keys/api-keys.service.js';
import { AuthTokenModel } from './auth-token.model.js';
import { AuthTokenRepository } from './auth-token.repository.js';
import { AuthRouter } from './auth.router.js';
import { BearerStrategy } from './bearer.strategy.js';
import { AuthCommandHandlers } from './commands/index.js';
import { EmailVerifier } from './email-verification/email-verifier.js';
import { LoginLockout } from './lockout/login-lockout.js';
import { PasswordResetRepository } from './password-reset/password-reset.repository.js';
import { RequestPasswordResetHandler } from './password-reset/request-password-reset.handler.js';
import { ResetPasswordHandler } from './password-reset/reset-password.handler.js';
import { SessionsService } from './sessions/sessions.service.js';
import { OidcSignIn } from './sso/oidc-sign-in.js';
import { SsoGroupMappingRepository } from './sso/sso-group-mapping.repository.js';
import { SsoGroupsService } from './sso/sso-groups.service.js';
import { SignInAudit } from './sign-in-audit.js';
import { TokenService } from './token.service.js';
import { SecuritySettingsRepository } from './two-factor/security-settings.repository.js';
import { TwoFactorService } from './two-factor/two-factor.service.js';
import { VerifyTwoFactorHandler } from './two-factor/verify-two-factor.handler.js';

@Module({
  imports: [CqrsModule, PassportModule, SequelizeModule.forFeature([AuthTokenModel, ApiKeyModel]), UsersModule, AuditModule, OutboxModule],
  providers: [
    AuthTokenRepository,
    ApiKeyRepository,
    TokenService,
    BearerStrategy,
    AuthRouter,
    AccountRouter,
    LoginLockout,
    SignInAudit,
    PasswordResetRepository,
    SessionsService,
    ApiKeysService,
    ...AuthCommandHandlers,
    RequestPasswordResetHandler,
    ResetPasswordHandler,
    TwoFactorService,
    SecuritySettingsRepository,
    VerifyTwoFactorHandler,
    EmailVerifier,
    OidcSignIn,
    SsoGroupMappingRepository,
    SsoGroupsService,
  ],
  exports: [AuthRouter, AccountRouter, TokenService],
})
export class AuthModule {}
