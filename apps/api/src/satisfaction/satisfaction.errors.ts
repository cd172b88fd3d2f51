import { DomainError } from '../common/domain-error.js';

export enum SatisfactionErrorCode {
  NotFound = 'SATISFACTION_TICKET_NOT_FOUND',
  NotRequester = 'SATISFACTION_NOT_REQUESTER',
  NotResolved = 'SATISFACTION_NOT_RESOLVED',
  InvalidLink = 'SATISFACTION_INVALID_LINK',
  ExpiredLink = 'SATISFACTION_EXPIRED_LINK',
  UsedLink = 'SATISFACTION_USED_LINK',
}

export const SatisfactionErrors = {
  /** Also when the caller may not read the ticket: ids reveal nothing. */
  notFound: (id: number) => new DomainError('not_found', SatisfactionErrorCode.NotFound, `Ticket #${id} was not found`),
  notRequester: () =>
    new DomainError('forbidden', SatisfactionErrorCode.NotRequester, 'Only the customer who opened the ticket may rate it'),
  notResolved: (id: number) =>
    new DomainError(
      'bad_request',
      SatisfactionErrorCode.NotResolved,
      `ticketId: ticket #${id} can be rated once it is resolved or closed`,
      'ticketId',
    ),
  invalidLink: () =>
    new DomainError('bad_request', SatisfactionErrorCode.InvalidLink, 'token: this rating link is not valid', 'token'),
  expiredLink: () =>
    new DomainError(
      'bad_request',
      SatisfactionErrorCode.ExpiredLink,
      'token: this rating link has expired; sign in to the portal to rate the ticket',
      'token',
    ),
  usedLink: () =>
    new DomainError(
      'conflict',
      SatisfactionErrorCode.UsedLink,
      'token: this rating link was already used; sign in to the portal to change your rating',
      'token',
    ),
};
