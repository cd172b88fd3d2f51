import { DomainError } from '../common/domain-error.js';

export enum TicketErrorCode {
  NotFound = 'TICKET_NOT_FOUND',
  Forbidden = 'TICKET_FORBIDDEN',
  StaleVersion = 'TICKET_STALE_VERSION',
  InvalidTransition = 'TICKET_INVALID_TRANSITION',
  Closed = 'TICKET_CLOSED',
  InvalidReference = 'TICKET_INVALID_REFERENCE',
  CannotMerge = 'TICKET_CANNOT_MERGE',
  InvalidCursor = 'TIMELINE_INVALID_CURSOR',
  EmptyBody = 'TICKET_ENTRY_EMPTY_BODY',
}

export const TicketErrors = {
  /** Also used when the ticket exists but the actor may not read it: never reveal that it exists. */
  notFound: (id: number) => new DomainError('not_found', TicketErrorCode.NotFound, `Ticket #${id} was not found`),
  forbidden: (what: string) => new DomainError('forbidden', TicketErrorCode.Forbidden, `You may not ${what}`),
  stale: (id: number, current: number, read: number, by: string | null, secondsAgo: number) =>
    new DomainError(
      'conflict',
      TicketErrorCode.StaleVersion,
      `Ticket #${id} was changed${by ? ` by ${by}` : ''} ${secondsAgo} s ago (you read version ${read}, it is now ${current}); reload it and try again`,
      'version',
    ),
  invalidTransition: (from: string, to: string) =>
    new DomainError('bad_request', TicketErrorCode.InvalidTransition, `status: cannot change from ${from} to ${to}`, 'status'),
  cannotMerge: (field: string, message: string) =>
    new DomainError('bad_request', TicketErrorCode.CannotMerge, `${field}: ${message}`, field),
  invalidReference: (field: string, message: string) =>
    new DomainError('bad_request', TicketErrorCode.InvalidReference, `${field}: ${message}`, field),
  invalidCursor: () =>
    new DomainError('bad_request', TicketErrorCode.InvalidCursor, 'before: is not a cursor this API handed out; pass a page\'s olderCursor', 'before'),
  emptyBody: (field: 'body' | 'bodyHtml') =>
    new DomainError('bad_request', TicketErrorCode.EmptyBody, `${field}: has no text left once unsafe HTML is removed`, field),
  closed: (id: number) =>
    new DomainError('bad_request', TicketErrorCode.Closed, `Ticket #${id} is closed; open a new ticket instead`, 'id'),
};
