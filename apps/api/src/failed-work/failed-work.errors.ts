import { DomainError } from '../common/domain-error.js';

export enum FailedWorkErrorCode {
  Forbidden = 'FAILED_WORK_FORBIDDEN',
  NotFound = 'OUTBOX_ROW_NOT_FOUND',
  NotDismissable = 'OUTBOX_ROW_NOT_DISMISSABLE',
}

export const FailedWorkErrors = {
  forbidden: (what: string) => new DomainError('forbidden', FailedWorkErrorCode.Forbidden, `You may not ${what}`),
  notFound: (id: number) => new DomainError('not_found', FailedWorkErrorCode.NotFound, `id: background job ${id} was not found`, 'id'),
  notDismissable: (id: number, status: string) =>
    new DomainError('conflict', FailedWorkErrorCode.NotDismissable, `id: background job ${id} is ${status}; only failed jobs can be dismissed`, 'id'),
};
