import { DomainError } from '../common/domain-error.js';

export enum PeopleErrorCode {
  NotFound = 'PEOPLE_NOT_FOUND',
  Forbidden = 'PEOPLE_FORBIDDEN',
  NameTaken = 'PEOPLE_NAME_TAKEN',
  EmailTaken = 'PEOPLE_EMAIL_TAKEN',
  InvalidReference = 'PEOPLE_INVALID_REFERENCE',
  InvalidInvitation = 'PEOPLE_INVALID_INVITATION',
}

export const PeopleErrors = {
  notFound: (what: string, id: number, field = 'id') =>
    new DomainError('not_found', PeopleErrorCode.NotFound, `${field}: there is no ${what} ${id}`, field),
  forbidden: (what: string) => new DomainError('forbidden', PeopleErrorCode.Forbidden, `You may not ${what}`),
  nameTaken: (what: string, name: string) =>
    new DomainError('conflict', PeopleErrorCode.NameTaken, `name: a ${what} named "${name}" already exists`, 'name'),
  emailTaken: (email: string) =>
    new DomainError('conflict', PeopleErrorCode.EmailTaken, `email: an account with ${email} already exists`, 'email'),
  invalidReference: (field: string, message: string) =>
    new DomainError('bad_request', PeopleErrorCode.InvalidReference, `${field}: ${message}`, field),
  invalidInvitation: (message: string) =>
    new DomainError('bad_request', PeopleErrorCode.InvalidInvitation, `token: ${message}`, 'token'),
};
