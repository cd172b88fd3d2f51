import { DomainError } from '../common/domain-error.js';

export enum SlaErrorCode {
  TicketNotFound = 'SLA_TICKET_NOT_FOUND',
  PolicyNotFound = 'SLA_POLICY_NOT_FOUND',
  CalendarNotFound = 'SLA_CALENDAR_NOT_FOUND',
  InvalidCalendar = 'SLA_INVALID_CALENDAR',
  InvalidPolicy = 'SLA_INVALID_POLICY',
  NameTaken = 'SLA_NAME_TAKEN',
}

export const SlaErrors = {
  /** Also when the caller may not read the ticket: ids reveal nothing. */
  ticketNotFound: (id: number) => new DomainError('not_found', SlaErrorCode.TicketNotFound, `Ticket #${id} was not found`),
  policyNotFound: (id: number, field = 'policyId') =>
    new DomainError('not_found', SlaErrorCode.PolicyNotFound, `${field}: SLA policy #${id} was not found`, field),
  calendarNotFound: (id: number, field = 'calendarId') =>
    new DomainError('bad_request', SlaErrorCode.CalendarNotFound, `${field}: business calendar #${id} was not found`, field),
  invalidCalendar: (field: string, message: string) => new DomainError('bad_request', SlaErrorCode.InvalidCalendar, `${field}: ${message}`, field),
  invalidPolicy: (field: string, message: string) => new DomainError('bad_request', SlaErrorCode.InvalidPolicy, `${field}: ${message}`, field),
  nameTaken: (name: string) => new DomainError('conflict', SlaErrorCode.NameTaken, `name: "${name}" is already taken`, 'name'),
};
