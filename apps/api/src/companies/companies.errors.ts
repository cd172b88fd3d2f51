import { DomainError } from '../common/domain-error.js';

export enum CompanyErrorCode {
  NotFound = 'COMPANY_NOT_FOUND',
  Forbidden = 'COMPANY_FORBIDDEN',
  NameTaken = 'COMPANY_NAME_TAKEN',
  InvalidReference = 'COMPANY_INVALID_REFERENCE',
  EmailTaken = 'COMPANY_EMAIL_TAKEN',
}

export const CompanyErrors = {
  notFound: (what: string, id: number, field = 'id') => new DomainError('not_found', CompanyErrorCode.NotFound, `${field}: there is no ${what} ${id}`, field),
  forbidden: (what: string) => new DomainError('forbidden', CompanyErrorCode.Forbidden, `You may not ${what}`),
  invalidReference: (field: string, message: string) => new DomainError('bad_request', CompanyErrorCode.InvalidReference, `${field}: ${message}`, field),
  emailTaken: (email: string) => new DomainError('conflict', CompanyErrorCode.EmailTaken, `email: ${email} already has an account; they can sign in, and an admin can move them into the company`, 'email'),
};
