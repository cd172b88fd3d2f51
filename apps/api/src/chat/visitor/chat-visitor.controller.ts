import { Controller, Get, Logger, Options, Param, Post, Req, Res } from '@nestjs/common';
import { zStartChatInput, zVisitorContactInput, zVisitorMessageInput } from '@switchboard/contracts';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { DomainError } from '../../common/domain-error.js';
import type { StoredTicketEvent } from '../../realtime/live-access.js';
import { PresenceService } from '../../realtime/presence.service.js';
import { RealtimeHub } from '../../realtime/realtime-hub.js';
import { topics } from '../../realtime/topics.js';
import { chatTopic } from '../chat-live.js';
import { WIDGET_JS } from '../widget/widget-script.js';
import { ChatStartLimiter } from './chat-start-limiter.js';
import { ChatVisitorService, type RequestInfo } from './chat-visitor.service.js';
import { allowAnyOrigin, readJson, sendError, tokenOf } from './visitor-http.js';

const PING_MS = 15_000;
/** An open event stream marks the visitor present this often (abandonment is silence, not a closed tab). */
const PRESENT_MS = 60_000;
const withToken = <T extends z.ZodRawShape>(schema: z.ZodObject<T>) => schema.extend({ token: z.string().max(200).optional() });

const idOf = (raw: string) => {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new DomainError('bad_request', 'INVALID_INPUT', 'chatId: must be a chat id', 'chatId');
  return id;
};

/**
 * The widget: `GET /widget.js` and the visitor API under /chat/v1 (public; a chat is reached with
 * the token its start returned). Errors are JSON naming the field; every answer allows any origin.
 */
@Controller()
export class ChatVisitorController {
  private readonly logger = new Logger(ChatVisitorController.name);

  constructor(
    private readonly visitors: ChatVisitorService,
    private readonly hub: RealtimeHub,
    private readonly limiter: ChatStartLimiter,
    private readonly presence: PresenceService,
  ) {}

  @Get('widget.js')
  widget(@Res() res: Response) {
    allowAnyOrigin(res);
    res.setHeader('Content-Type', 'application/javascript; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.send(WIDGET_JS);
  }

  @Options('chat/v1/*path')
  preflight(@Res() res: Response) {
    allowAnyOrigin(res);
    res.status(204).end();
  }

  @Get('chat/v1/companies/:company/widget')
  async config(@Param('company') company: string, @Res() res: Response) {
    await this.answer(res, async () => this.visitors.widgetConfig(idOf(company)));
  }

  @Post('chat/v1/chats')
  async start(@Req() req: Request, @Res() res: Response) {
    await this.answer(
      res,
      async () => {
        await this.limiter.hit(req.ip ?? null);
        return this.visitors.start(await readJson(req, zStartChatInput), this.info(req));
      },
      201,
    );
  }

  @Get('chat/v1/chats/:id')
  async view(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    await this.answer(res, () => this.visitors.view(idOf(id), tokenOf(req)));
  }

  @Post('chat/v1/chats/:id/messages')
  async post(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    await this.answer(res, async () => {
      const input = await readJson(req, withToken(zVisitorMessageInput));
      return this.visitors.post(idOf(id), tokenOf(req, input), input.body, input.clientId, this.info(req));
    }, 201);
  }

  @Post('chat/v1/chats/:id/contact')
  async contact(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    await this.answer(res, async () => {
      const input = await readJson(req, withToken(zVisitorContactInput));
      await this.visitors.contact(idOf(id), tokenOf(req, input), input.name, input.email);
      return { ok: true };
    });
  }

  @Post('chat/v1/chats/:id/leave')
  async leave(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    await this.answer(res, async () => {
      const input = await readJson(req, z.object({ token: z.string().max(200).optional() }));
      await this.visitors.leave(idOf(id), tokenOf(req, input));
      return { ok: true };
    });
  }

  /**
   * Server-sent events for the widget: `changed` whenever the chat may look different (a public entry,
   * the ticket's assignment, the chat's state; the widget then reloads the chat), and `typing` while
   * an agent writes a public reply (the workspace's presence: "replying"; never a note in progress). Over the same Redis
   * fan-out as the workspace's live updates, so any api process serves it.
   */
  @Get('chat/v1/chats/:id/events')
  async events(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    allowAnyOrigin(res);
    let chat;
    try {
      chat = await this.visitors.authenticate(idOf(id), tokenOf(req));
    } catch (error) {
      return sendError(res, error);
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write('retry: 3000\n\nevent: changed\ndata: {}\n\n');
    const stops: Array<() => void> = [];
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(ping);
      clearInterval(presence);
      clearInterval(typingCheck);
      for (const stop of stops) stop();
      res.end();
    };
    const ping = setInterval(() => res.write(': ping\n\n'), PING_MS);
    const present = () => void this.visitors.present(chat.id).catch(() => undefined);
    const presence = setInterval(present, PRESENT_MS);
    present();
    req.on('close', close);
    const changed = () => {
      if (!closed) res.write('event: changed\ndata: {}\n\n');
    };
    let typing = false;
    const checkTyping = () =>
      void this.presence
        .list(chat.ticketId)
        .then((list) => {
          const now = list.some((p) => p.state === 'replying');
          if (now === typing || closed) return;
          typing = now;
          res.write(`event: typing\ndata: ${JSON.stringify({ typing })}\n\n`);
        })
        .catch(() => undefined);
    // Presence entries expire without a signal: while someone is typing, look again.
    const typingCheck = setInterval(() => typing && checkTyping(), 5000);
    try {
      stops.push(
        await this.hub.listen(
          topics.ticket(chat.ticketId),
          (logged) => {
            const event = logged.event as StoredTicketEvent;
            // Internal notes stay invisible: only public entries and changes of the ticket wake the widget.
            if ((event.type !== 'entry.added' && event.type !== 'entry.updated') || event.visibility === 'public') changed();
          },
          close,
        ),
      );
      stops.push(await this.hub.listen(chatTopic(chat.id), changed, close));
      stops.push(await this.hub.listen(topics.presence(chat.ticketId), checkTyping, close));
    } catch (error) {
      this.logger.warn(`chat ${chat.id}: event stream failed: ${(error as Error).message}`);
      close();
    }
    if (closed) for (const stop of stops) stop();
  }

  private info(req: Request): RequestInfo {
    return { ip: req.ip ?? null, userAgent: req.headers['user-agent']?.slice(0, 255) ?? null };
  }

  private async answer(res: Response, work: () => Promise<unknown>, status = 200) {
    allowAnyOrigin(res);
    try {
      const body = await work();
      res.status(status).json(body);
    } catch (error) {
      sendError(res, error);
    }
  }
}
