import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';
import { DomainError, type DomainErrorKind } from '../common/domain-error.js';

const CODES: Record<DomainErrorKind, TRPC_ERROR_CODE_KEY> = {
  bad_request: 'BAD_REQUEST',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  payload_too_large: 'PAYLOAD_TOO_LARGE',
  too_many_requests: 'TOO_MANY_REQUESTS',
};

/** Carries field errors on a BAD_REQUEST so both the tRPC and the REST surface can show them. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string>,
    readonly domainCode: string = 'INVALID_INPUT',
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export function fieldErrorsOf(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || 'input';
    fields[path] ??= issue.message;
  }
  return fields;
}

/** Domain errors and invalid input become tRPC errors with the field named; anything else passes through. */
export function toTrpcError(error: unknown): TRPCError | null {
  const cause = error instanceof TRPCError ? (error.cause ?? error) : error;
  // A ZodError behind anything but BAD_REQUEST is our own output failing its schema: a server bug, not bad input.
  const badInput = !(error instanceof TRPCError) || error.code === 'BAD_REQUEST';
  if (badInput && (cause instanceof ZodError || (cause instanceof Error && cause.name === 'ZodError' && 'issues' in cause))) {
    const fieldErrors = fieldErrorsOf(cause as ZodError);
    const message = Object.entries(fieldErrors)
      .map(([field, text]) => `${field}: ${text}`)
      .join('; ');
    return new TRPCError({ code: 'BAD_REQUEST', message, cause: new InputError(message, fieldErrors) });
  }
  if (cause instanceof DomainError) {
    // The message names the field for REST callers ("status: cannot ..."); the field error itself does not repeat it.
    const prefix = `${cause.field}: `;
    const text = cause.message.startsWith(prefix) ? cause.message.slice(prefix.length) : cause.message;
    const inputError = cause.field ? new InputError(cause.message, { [cause.field!]: text }, cause.code) : null;
    return new TRPCError({ code: CODES[cause.kind], message: cause.message, cause: inputError ?? cause });
  }
  return null;
}
