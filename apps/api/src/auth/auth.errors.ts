import { DomainError } from '../common/domain-error.js';

export enum AuthErrorCode {
  InvalidCredentials = 'AUTH_INVALID_CREDENTIALS',
  EmailTaken = 'AUTH_EMAIL_TAKEN',
  WeakPassword = 'AUTH_WEAK_PASSWORD',
  Locked = 'AUTH_LOCKED',
  ResetTokenInvalid = 'AUTH_RESET_TOKEN_INVALID',
  ReadOnlyKey = 'AUTH_READ_ONLY_KEY',
  SessionNotFound = 'AUTH_SESSION_NOT_FOUND',
  ApiKeyNotFound = 'AUTH_API_KEY_NOT_FOUND',
  Forbidden = 'AUTH_FORBIDDEN',
  TwoFactorRequired = 'AUTH_TWO_FACTOR_REQUIRED',
  TwoFactorInvalid = 'AUTH_TWO_FACTOR_INVALID',
  ChallengeInvalid = 'AUTH_CHALLENGE_INVALID',
  TwoFactorState = 'AUTH_TWO_FACTOR_STATE',
  VerificationInvalid = 'AUTH_VERIFICATION_INVALID',
  AlreadyVerified = 'AUTH_ALREADY_VERIFIED',
  TooManyMails = 'AUTH_TOO_MANY_MAILS',
  SsoNotConfigured = 'AUTH_SSO_NOT_CONFIGURED',
  SsoFailed = 'AUTH_SSO_FAILED',
  SsoNoAccount = 'AUTH_SSO_NO_ACCOUNT',
  AccountSuspended = 'AUTH_ACCOUNT_SUSPENDED',
  UserNotFound = 'AUTH_USER_NOT_FOUND',
  TwoFactorSetupRequired = 'AUTH_TWO_FACTOR_SETUP_REQUIRED',
  ApiKeyTwoFactorRequired = 'AUTH_API_KEY_TWO_FACTOR_REQUIRED',
}

export const AuthErrors = {
  invalidCredentials: () =>
    new DomainError('unauthorized', AuthErrorCode.InvalidCredentials, 'Email or password is not correct'),
  suspended: () =>
    new DomainError('forbidden', AuthErrorCode.AccountSuspended, 'This account is suspended or not activated yet; ask an administrator'),
  emailTaken: () =>
    new DomainError('conflict', AuthErrorCode.EmailTaken, 'email: an account with this email already exists', 'email'),
  weakPassword: (reason: string, field = 'password') =>
    new DomainError('bad_request', AuthErrorCode.WeakPassword, `${field}: ${reason}`, field),
  locked: (until: Date) => {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
    return new DomainError(
      'too_many_requests',
      AuthErrorCode.Locked,
      `Too many failed sign-ins: this account is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}. ` +
        'Try again later or reset your password.',
    );
  },
  resetTokenInvalid: () =>
    new DomainError(
      'bad_request',
      AuthErrorCode.ResetTokenInvalid,
      'token: this password reset link is invalid, expired or already used; ask for a new one',
      'token',
    ),
  readOnlyKey: () =>
    new DomainError('forbidden', AuthErrorCode.ReadOnlyKey, 'This API key is read-only: it may call queries (GET), not change anything'),
  sessionNotFound: (id: number) => new DomainError('not_found', AuthErrorCode.SessionNotFound, `Session ${id} was not found`),
  apiKeyNotFound: (id: number) => new DomainError('not_found', AuthErrorCode.ApiKeyNotFound, `API key ${id} was not found`),
  twoFactorRequired: (challenge: string) =>
    new DomainError(
      'unauthorized',
      AuthErrorCode.TwoFactorRequired,
      'Enter the 6-digit code from your authenticator app to finish signing in',
      undefined,
      { challenge },
    ),
  twoFactorInvalid: () =>
    new DomainError('bad_request', AuthErrorCode.TwoFactorInvalid, 'code: that code is not valid (or was already used); enter the current one', 'code'),
  challengeInvalid: () =>
    new DomainError('unauthorized', AuthErrorCode.ChallengeInvalid, 'The sign-in step expired; enter your email and password again', 'challenge'),
  twoFactorState: (message: string) => new DomainError('conflict', AuthErrorCode.TwoFactorState, message),
  verificationInvalid: () =>
    new DomainError('bad_request', AuthErrorCode.VerificationInvalid, 'token: this verification link is invalid, expired or already used', 'token'),
  alreadyVerified: () => new DomainError('conflict', AuthErrorCode.AlreadyVerified, 'This email address is already verified'),
  tooManyVerificationMails: () =>
    new DomainError('too_many_requests', AuthErrorCode.TooManyMails, 'Three verification mails were sent in the last hour; check your inbox (and spam folder) or try later'),
  ssoNotConfigured: () => new DomainError('not_found', AuthErrorCode.SsoNotConfigured, 'Single sign-on is not configured (OIDC_ISSUER)'),
  ssoFailed: (why: string) => new DomainError('unauthorized', AuthErrorCode.SsoFailed, `Single sign-on failed: ${why}`),
  ssoNoAccount: (email: string) =>
    new DomainError('forbidden', AuthErrorCode.SsoNoAccount, `No staff account uses ${email}; ask an admin to invite you first`),
  forbidden: (what: string) => new DomainError('forbidden', AuthErrorCode.Forbidden, `Your role may not ${what}`),
  twoFactorSetupRequired: () =>
    new DomainError(
      'forbidden',
      AuthErrorCode.TwoFactorSetupRequired,
      'Your role must use two-factor sign-in: set it up under Account (if it is on already, sign out and in again with a code)',
    ),
  apiKeyTwoFactorRequired: (role: string) =>
    new DomainError(
      'forbidden',
      AuthErrorCode.ApiKeyTwoFactorRequired,
      `This API key is refused: the admins require two-factor sign-in for your role (${role}) and your account has not set it up. ` +
        'Sign in to the workspace, turn on two-factor under Account, and this key works again',
    ),
  notFound: (what: string, id: number, field = 'id') => new DomainError('not_found', AuthErrorCode.UserNotFound, `${field}: there is no ${what} ${id}`, field),
};
