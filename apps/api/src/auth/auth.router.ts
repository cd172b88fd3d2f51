import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { zAuthResult, zLoginInput, zOk, zPasswordReset, zPasswordResetRequest, zRegisterInput, zTwoFactorLogin, zUser, zVerifyEmailInput, zVerifyEmailResult, zSsoFinishInput, zSsoProviders, zSsoStart } from '@switchboard/contracts';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure, publicProcedure, router } from '../trpc/trpc.js';
import { toUser } from '../users/user.mapper.js';
import { bearerToken } from './authenticate.js';
import { LoginCommand } from './commands/login/login.command.js';
import { LogoutCommand } from './commands/logout/logout.command.js';
import { EmailVerifier } from './email-verification/email-verifier.js';
import { OidcSignIn } from './sso/oidc-sign-in.js';
import { RegisterCommand } from './commands/register/register.command.js';
import { RequestPasswordResetCommand } from './password-reset/request-password-reset.command.js';
import { ResetPasswordCommand } from './password-reset/reset-password.command.js';
import { VerifyTwoFactorCommand } from './two-factor/verify-two-factor.command.js';

@Injectable()
export class AuthRouter {
  constructor(
    private readonly commands: CommandBus,
    private readonly verifier: EmailVerifier,
    private readonly sso: OidcSignIn,
  ) {}

  build() {
    return router({
      login: publicProcedure
        .meta({ openapi: { method: 'POST', path: '/auth/token', tags: ['auth'], summary: 'Exchange email and password for a bearer token' } })
        .input(zLoginInput)
        .output(zAuthResult)
        .mutation(({ input, ctx }) =>
          this.commands.execute(new LoginCommand(input.email, input.password, { ip: ctx.ip, userAgent: ctx.userAgent })),
        ),
      verifyTwoFactor: publicProcedure
        .meta({ openapi: { method: 'POST', path: '/auth/token/two-factor', tags: ['auth'], summary: 'Finish a sign-in with the code from an authenticator app' } })
        .input(zTwoFactorLogin)
        .output(zAuthResult)
        .mutation(({ input, ctx }) =>
          this.commands.execute(new VerifyTwoFactorCommand(input.challenge, input.code, { ip: ctx.ip, userAgent: ctx.userAgent })),
        ),
      ssoProviders: publicProcedure
        .meta({ openapi: { method: 'GET', path: '/auth/sso', tags: ['auth'], summary: 'Which single sign-on providers are configured' } })
        .input(z.object({}).optional())
        .output(zSsoProviders)
        .query(() => ({ oidc: this.sso.describe() })),
      ssoStart: publicProcedure
        .meta({ openapi: { method: 'POST', path: '/auth/sso/oidc/start', tags: ['auth'], summary: 'Begin staff single sign-on (OpenID Connect)' } })
        .input(z.object({}).optional())
        .output(zSsoStart)
        .mutation(() => this.sso.start()),
      ssoFinish: publicProcedure
        .meta({ openapi: { method: 'POST', path: '/auth/sso/oidc/finish', tags: ['auth'], summary: 'Finish single sign-on with the callback URL' } })
        .input(zSsoFinishInput)
        .output(zAuthResult)
        .mutation(({ input, ctx }) => this.sso.finish(input, { ip: ctx.ip, userAgent: ctx.userAgent })),
      register: publicProcedure
        .meta({ openapi: { method: 'POST', path: '/auth/register', tags: ['auth'], summary: 'Create a customer account' } })
        .input(zRegisterInput)
        .output(zAuthResult)
        .mutation(({ input, ctx }) =>
          this.commands.execute(
            new RegisterCommand(input.name, input.email, input.password, { ip: ctx.ip, userAgent: ctx.userAgent }),
          ),
        ),
      logout: authedProcedure
        .meta({ openapi: { method: 'POST', path: '/auth/logout', tags: ['auth'], protect: true, summary: 'Revoke the token of this request' } })
        .input(z.object({}).optional())
        .output(zOk)
        .mutation(({ ctx }) => {
          const token = bearerToken(ctx.req);
          if (!token) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'No bearer token to revoke' });
          return this.commands.execute(new LogoutCommand(token));
        }),
      requestPasswordReset: publicProcedure
        .meta({ openapi: { method: 'POST', path: '/auth/password-reset', tags: ['auth'], summary: 'Email a password reset link (always answers ok)' } })
        .input(zPasswordResetRequest)
        .output(zOk)
        .mutation(({ input, ctx }) =>
          this.commands.execute(new RequestPasswordResetCommand(input.email, { ip: ctx.ip, userAgent: ctx.userAgent })),
        ),
      resetPassword: publicProcedure
        .meta({ openapi: { method: 'POST', path: '/auth/password-reset/confirm', tags: ['auth'], summary: 'Set a new password with a reset token' } })
        .input(zPasswordReset)
        .output(zOk)
        .mutation(({ input, ctx }) =>
          this.commands.execute(new ResetPasswordCommand(input.token, input.password, { ip: ctx.ip, userAgent: ctx.userAgent })),
        ),
      me: authedProcedure
        .meta({ openapi: { method: 'GET', path: '/auth/me', tags: ['auth'], protect: true, summary: 'The signed-in user' } })
        .input(z.object({}).optional())
        .output(zUser)
        .query(async ({ ctx }) => ({ ...toUser(ctx.actor.user), emailVerified: await this.verifier.isVerified(ctx.actor.user.id) })),
      verifyEmail: publicProcedure
        .meta({ openapi: { method: 'POST', path: '/auth/verify-email', tags: ['auth'], summary: 'Confirm an email address with the emailed token' } })
        .input(zVerifyEmailInput)
        .output(zVerifyEmailResult)
        .mutation(async ({ input }) => ({ ok: true as const, ...(await this.verifier.verify(input.token)) })),
      resendVerification: authedProcedure
        .meta({ openapi: { method: 'POST', path: '/auth/verify-email/resend', tags: ['auth'], protect: true, summary: 'Send the verification link again' } })
        .input(z.object({}).optional())
        .output(zOk)
        .mutation(async ({ ctx }) => {
          await this.verifier.resend(ctx.actor);
          return { ok: true as const };
        }),
    });
  }
}
