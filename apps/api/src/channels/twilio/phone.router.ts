import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { zCallBackInput, zCallBackResult, zRequestCallbackInput, zTicket } from '@switchboard/contracts';
import { requireAbility, router } from '../../trpc/trpc.js';
import { CallBackCommand } from './commands/call-back/call-back.command.js';
import { RequestCallbackCommand } from './commands/request-callback/request-callback.command.js';

const tags = ['phone'];

@Injectable()
export class PhoneRouter {
  constructor(private readonly commands: CommandBus) {}

  build() {
    return router({
      requestCallback: requireAbility('create', 'CallbackRequest')
        .meta({ openapi: { method: 'POST', path: '/callback-requests', tags, protect: true, summary: 'Ask to be called back: opens an urgent phone ticket tagged callback-requested' } })
        .input(zRequestCallbackInput)
        .output(zTicket)
        .mutation(({ ctx, input }) => this.commands.execute(new RequestCallbackCommand(ctx.actor, input.phone, input.window))),
      callBack: requireAbility('create', 'PhoneCall')
        .meta({ openapi: { method: 'POST', path: '/tickets/{id}/call-back', tags, protect: true, summary: 'Call the requester back: Twilio rings your phone first, then connects the customer' } })
        .input(zCallBackInput)
        .output(zCallBackResult)
        .mutation(({ ctx, input }) => this.commands.execute(new CallBackCommand(ctx.actor, input.id, input.agentPhone))),
    });
  }
}
