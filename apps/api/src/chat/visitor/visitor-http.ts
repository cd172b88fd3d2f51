import type { Request, Response } from 'express';
import { ZodError, type ZodType } from 'zod';
import { DomainError, type DomainErrorKind } from '../../common/domain-error.js';
import { fieldErrorsOf } from '../../trpc/error-mapper.js';

const LIMIT = 64 * 1024;
const STATUS: Record<DomainErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  too_many_requests: 429,
};

/**
 * The widget calls from any website: no cookies, the chat token in the body or query, so every
 * request is a CORS "simple request" (GET, or POST with a text/plain JSON body) and needs no preflight.
 */
export function allowAnyOrigin(res: Response) {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'content-type, x-chat-token');
  res.setHeader('Access-Control-Max-Age', '600');
}

/** Reads and validates a JSON body (whatever its content type); throws a field-naming 400. */
export async function readJson<T>(req: Request, schema: ZodType<T>): Promise<T> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > LIMIT) throw new DomainError('payload_too_large', 'CHAT_BODY_TOO_LARGE', 'body: is larger than 64 KiB', 'body');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let parsed: unknown = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    throw new DomainError('bad_request', 'CHAT_BAD_JSON', 'body: must be JSON', 'body');
  }
  return schema.parse(parsed);
}

/** The chat token: `x-chat-token` header, `token` query parameter (EventSource), or `token` in the body. */
export function tokenOf(req: Request, body?: { token?: unknown }): string | undefined {
  const header = req.headers['x-chat-token'];
  if (typeof header === 'string' && header) return header;
  if (typeof req.query.token === 'string' && req.query.token) return req.query.token;
  return typeof body?.token === 'string' ? body.token : undefined;
}

/** Domain and validation errors as JSON naming the field; anything else is a 500 with no detail. */
export function sendError(res: Response, error: unknown) {
  if (error instanceof ZodError) {
    const fieldErrors = fieldErrorsOf(error);
    const message = Object.entries(fieldErrors).map(([f, t]) => `${f}: ${t}`).join('; ');
    res.status(400).json({ error: { code: 'INVALID_INPUT', message, fieldErrors } });
    return;
  }
  if (error instanceof DomainError) {
    res.status(STATUS[error.kind]).json({ error: { code: error.code, message: error.message, field: error.field ?? null } });
    return;
  }
  throw error;
}
