import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, type DomainErrorKind } from '../common/domain-error.js';

const STATUS: Record<DomainErrorKind, [number, string]> = {
  bad_request: [400, 'BAD_REQUEST'],
  unauthorized: [401, 'UNAUTHORIZED'],
  forbidden: [403, 'FORBIDDEN'],
  not_found: [404, 'NOT_FOUND'],
  conflict: [409, 'CONFLICT'],
  payload_too_large: [413, 'PAYLOAD_TOO_LARGE'],
  too_many_requests: [429, 'TOO_MANY_REQUESTS'],
};

const logger = new Logger('attachments');

/**
 * The attachment routes are plain HTTP (multipart in, bytes out), not tRPC procedures; their errors
 * take the same JSON shape as the rest of /api/v1: `message` naming the field, `data.fieldErrors`.
 */
export function sendError(res: Response, error: unknown) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof DomainError) {
    const [status, code] = STATUS[error.kind];
    const prefix = error.field ? `${error.field}: ` : '';
    const text = prefix && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    res.status(status).set('Connection', status === 413 ? 'close' : undefined).json({
      message: error.message,
      code,
      data: { code, httpStatus: status, domainCode: error.code, fieldErrors: error.field ? { [error.field]: text } : undefined },
    });
    return;
  }
  logger.error(`attachment request failed: ${(error as Error)?.message}`, (error as Error)?.stack);
  res.status(500).json({ message: 'Internal server error', code: 'INTERNAL_SERVER_ERROR', data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 } });
}

export function sendUnauthorized(res: Response) {
  res.status(401).json({
    message: 'Sign in first: send Authorization: Bearer <token>',
    code: 'UNAUTHORIZED',
    data: { code: 'UNAUTHORIZED', httpStatus: 401 },
  });
}
