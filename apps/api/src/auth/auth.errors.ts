import { DomainError } from '../common/domain-error.js';

export enum AuthErrorCode {
  InvalidCredentials = 'AUTH_INVALID_CREDENTIALS',
  EmailTaken = 'AUTH_EMAIL_TAKEN',
  AccountSuspended = 'AUTH_ACCOUNT_SUSPENDED',
}

export const AuthErrors = {
  invalidCredentials: () =>
    new DomainError('unauthorized', AuthErrorCode.InvalidCredentials, 'Email or password is not correct'),
  suspended: () =>
    new DomainError('forbidden', AuthErrorCode.AccountSuspended, 'This account is suspended or not activated yet; ask an administrator'),
  emailTaken: () =>
    new DomainError('conflict', AuthErrorCode.EmailTaken, 'email: an account with this email already exists', 'email'),
};
