/** What went wrong, in transport-neutral terms; trpc/error-mapper.ts turns a kind into a tRPC/HTTP code. */
export type DomainErrorKind = 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'payload_too_large' | 'too_many_requests';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    /** The input field the error is about, when there is one. */
    readonly field?: string,
    /** Machine-readable extras for the client (e.g. the sign-in challenge of a two-factor step). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
