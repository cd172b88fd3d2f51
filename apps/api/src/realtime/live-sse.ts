import { Logger } from '@nestjs/common';
import { TRPCError, type AnyRouter } from '@trpc/server';
import {
  callProcedure,
  getErrorShape,
  getTRPCErrorFromUnknown,
  isAbortError,
  isTrackedEnvelope,
} from '@trpc/server/unstable-core-do-not-import';
import type { NextFunction, Request, Response } from 'express';
import type { Context } from '../trpc/context.js';
import { isPushable, PUSH } from './live-feed.js';

const logger = new Logger('live-sse');

/** A subscriber whose socket holds more than this unsent is cut off; its client reconnects and resumes. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * Subscribers of one topic (and ability class) get the same event object: its SSE frame is
 * serialised and encoded once, and the same bytes are written to every socket.
 */
interface Frame {
  id: string;
  text: string;
  /** The frame as one HTTP/1.1 chunk (size line, frame, CRLF), encoded once for every socket. */
  chunk?: Buffer;
}
const frames = new WeakMap<object, Frame>();
function frame(id: string, value: unknown): Frame {
  if (value === null || typeof value !== 'object') return { id, text: `data: ${JSON.stringify(value)}\nid: ${id}\n\n` };
  let cached = frames.get(value);
  if (cached === undefined || cached.id !== id) {
    cached = { id, text: `data: ${JSON.stringify(value)}\nid: ${id}\n\n` };
    frames.set(value, cached);
  }
  return cached;
}

/**
 * Writes a frame. On a chunked HTTP/1.1 response (every real client) it writes the frame's
 * ready-made chunk straight to the socket: res.write would cork the socket, queue four buffers
 * (size, CRLF, data, CRLF) and uncork on the next tick, i.e. a writev and a nextTick per subscriber.
 * Byte for byte the same stream; order with res.write's writes is kept (a corked socket queues ours
 * behind them).
 */
function writeFrame(res: Response, f: Frame): void {
  const socket = res.socket;
  if (res.chunkedEncoding && socket && !socket.destroyed) {
    if (!f.chunk) {
      const body = Buffer.from(f.text);
      f.chunk = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n')]);
    }
    socket.write(f.chunk);
  } else {
    res.write(f.text);
  }
}

/** Bytes queued for this subscriber and not yet taken by the kernel (the response's count includes its socket's). */
const backlog = (res: Response) => res.writableLength;

function untracked(value: unknown, lastId: string | null): string {
  if (lastId === null) return `data: ${JSON.stringify(value)}\n\n`;
  // An untracked value after tracked ones: clear the id, then restore it (as tRPC does).
  return `data: ${JSON.stringify(value)}\nid: \n\nevent: restore-id\ndata: \nid: ${lastId}\n\n`;
}

/**
 * Serves the `live.*` subscriptions as server-sent events in exactly the wire format of tRPC's own
 * SSE producer (connected / data + id / ping / serialized-error / return / restore-id), so the
 * client is tRPC's stock httpSubscriptionLink and the procedures are ordinary tRPC procedures
 * (input parsing, middleware, CASL checks, tracked ids). What it leaves out is tRPC's per-message
 * web-streams pipeline (async generators, TransformStream, TextEncoderStream, a timer per message),
 * which cost about 0.5 ms per subscriber per event: each event is now one socket write per subscriber,
 * and feeds that can be pushed (live-feed.ts) skip the async iteration too.
 * Measured in bench/realtime.bench.mjs; reasons in docs/decisions/014-live-updates.md.
 */
export function liveSseMiddleware(
  appRouter: AnyRouter,
  createContext: (opts: { req: Request; res: Response }) => Promise<Context>,
  paths: ReadonlySet<string>,
) {
  const config = appRouter._def._config;
  const ping = config.sse?.ping?.enabled ? (config.sse.ping.intervalMs ?? 1000) : 0;
  const connected = `event: connected\ndata: ${JSON.stringify(config.sse?.client ?? {})}\n\n`;

  return async (req: Request, res: Response, next: NextFunction) => {
    const path = req.path.replace(/^\//, '');
    if (req.method !== 'GET' || !paths.has(path)) return next();

    const controller = new AbortController();
    res.on('close', () => controller.abort());
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    res.write(connected);
    const pinger = ping > 0 ? setInterval(() => res.write('event: ping\ndata: \n\n'), ping) : null;

    let ctx: Context | undefined;
    let input: unknown;
    try {
      const url = new URL(req.originalUrl, 'http://live');
      const raw = url.searchParams.get('input');
      try {
        input = raw === null ? undefined : JSON.parse(raw);
      } catch {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'input: is not valid JSON' });
      }
      const header = req.headers['last-event-id'];
      const lastEventId = (typeof header === 'string' ? header : null) ?? url.searchParams.get('lastEventId') ?? url.searchParams.get('Last-Event-Id');
      if (lastEventId && !/[\0\n\r]/.test(lastEventId)) {
        input = input !== null && typeof input === 'object' ? { ...(input as object), lastEventId } : (input ?? { lastEventId });
      }
      ctx = await createContext({ req, res });
      const iterable = (await callProcedure({
        router: appRouter,
        path,
        getRawInput: async () => input,
        ctx,
        type: 'subscription',
        signal: controller.signal,
        batchIndex: 0,
      })) as AsyncIterable<unknown>;
      let lastId: string | null = lastEventId;
      if (isPushable(iterable)) {
        // The fast path: the feed calls us from the hub's dispatch loop, one write per event.
        await iterable[PUSH]((value) => {
          if (controller.signal.aborted) return false;
          if (isTrackedEnvelope(value)) {
            lastId = String(value[0]);
            writeFrame(res, frame(lastId, value[1]));
          } else {
            res.write(untracked(value, lastId));
          }
          if (backlog(res) > MAX_BUFFERED_BYTES) controller.abort();
          return true;
        });
      } else for await (const value of iterable) {
        if (controller.signal.aborted) break;
        if (isTrackedEnvelope(value)) {
          lastId = String(value[0]);
          writeFrame(res, frame(lastId, value[1]));
        } else {
          res.write(untracked(value, lastId));
        }
        if (backlog(res) > MAX_BUFFERED_BYTES) {
          controller.abort();
          break;
        }
      }
      if (!controller.signal.aborted) res.write('event: return\ndata: \n\n');
    } catch (cause) {
      if (!controller.signal.aborted && !isAbortError(cause)) {
        const error = getTRPCErrorFromUnknown(cause);
        if (error.code === 'INTERNAL_SERVER_ERROR') logger.error(`${path}: ${error.message}`, error.cause?.stack ?? error.stack);
        const shape = getErrorShape({ config, ctx, error, input, path, type: 'subscription' });
        res.write(`event: serialized-error\ndata: ${JSON.stringify(shape)}\n\n`);
      }
    } finally {
      if (pinger) clearInterval(pinger);
      res.end();
    }
  };
}
