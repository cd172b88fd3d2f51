import { DomainError } from '../common/domain-error.js';

export enum CustomerErrorCode {
  NotFound = 'CUSTOMER_NOT_FOUND',
  Forbidden = 'CUSTOMER_FORBIDDEN',
}

export const CustomerErrors = {
  notFound: (id: number, field = 'id') => new DomainError('not_found', CustomerErrorCode.NotFound, `${field}: there is no customer ${id}`, field),
  forbidden: (what: string) => new DomainError('forbidden', CustomerErrorCode.Forbidden, `You may not ${what}`),
};
