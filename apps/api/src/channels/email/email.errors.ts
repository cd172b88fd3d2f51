import { DomainError } from '../../common/domain-error.js';

export enum EmailErrorCode {
  Forbidden = 'EMAIL_FORBIDDEN',
  NotFound = 'INBOUND_EMAIL_NOT_FOUND',
  NotRetryable = 'INBOUND_EMAIL_NOT_RETRYABLE',
  TicketNotFound = 'TICKET_NOT_FOUND',
  BadTemplate = 'EMAIL_TEMPLATE_INVALID',
  CompanyNotFound = 'COMPANY_NOT_FOUND',
  AddressTaken = 'SUPPORT_ADDRESS_TAKEN',
  AddressNotFound = 'SUPPORT_ADDRESS_NOT_FOUND',
  EntryNotEmailed = 'ENTRY_NOT_EMAILED',
}

export const EmailErrors = {
  forbidden: (what: string) => new DomainError('forbidden', EmailErrorCode.Forbidden, `You may not ${what}`),
  notFound: (id: number) => new DomainError('not_found', EmailErrorCode.NotFound, `id: inbound email ${id} was not found`, 'id'),
  notRetryable: (id: number, status: string) =>
    new DomainError('conflict', EmailErrorCode.NotRetryable, `id: inbound email ${id} is ${status}; only failed or spam emails can be retried`, 'id'),
  badTemplate: (field: 'subject' | 'text' | 'html', detail: string) =>
    new DomainError('bad_request', EmailErrorCode.BadTemplate, `${field}: is not a valid template (${detail})`, field),
  companyNotFound: (id: number) => new DomainError('not_found', EmailErrorCode.CompanyNotFound, `companyId: company ${id} was not found`, 'companyId'),
  addressTaken: (address: string) =>
    new DomainError('conflict', EmailErrorCode.AddressTaken, `address: ${address} is already a support address`, 'address'),
  addressNotFound: (id: number) => new DomainError('not_found', EmailErrorCode.AddressNotFound, `id: support address ${id} was not found`, 'id'),
  entryNotEmailed: (id: number) => new DomainError('not_found', EmailErrorCode.EntryNotEmailed, `entryId: entry ${id} of this ticket did not arrive by email`, 'entryId'),
  ticketNotFound: (id: number) => new DomainError('not_found', EmailErrorCode.TicketNotFound, `ticketId: ticket #${id} was not found`, 'ticketId'),
};
