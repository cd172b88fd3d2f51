import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  zBusinessCalendar,
  zComplianceInput,
  zComplianceRow,
  zExpectedResponse,
  zSaveCalendarInput,
  zSavePolicyInput,
  zSlaPolicy,
  zSlaPreview,
  zSlaPreviewInput,
  zTicketSla,
  zTicketSlaInput,
  zTicketSlasInput,
} from '@switchboard/contracts';
import { z } from 'zod';
import { authedProcedure, requireAbility, router } from '../trpc/trpc.js';
import { SaveCalendarCommand } from './commands/save-calendar/save-calendar.command.js';
import { SavePolicyCommand } from './commands/save-policy/save-policy.command.js';
import { SetCompanyDisplayCommand } from './commands/set-company-display/set-company-display.command.js';
import { ComplianceReportQuery } from './queries/compliance-report/compliance-report.query.js';
import { ExpectedResponseQuery } from './queries/expected-response/expected-response.query.js';
import { GetTicketSlasQuery } from './queries/get-ticket-slas/get-ticket-slas.query.js';
import { ListSlaSettingsQuery } from './queries/list-sla-settings/list-sla-settings.query.js';
import { PreviewPolicyQuery } from './queries/preview-policy/preview-policy.query.js';
import { SlaErrors } from './sla.errors.js';

const tags = ['sla'];

@Injectable()
export class SlaRouter {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  build() {
    return router({
      forTicket: requireAbility('read', 'SlaPolicy')
        .meta({ openapi: { method: 'GET', path: '/tickets/{ticketId}/sla', tags, protect: true, summary: 'The ticket’s SLA: the policy, why it applies, and each target’s due time and state' } })
        .input(zTicketSlaInput)
        .output(zTicketSla)
        .query(async ({ ctx, input }) => {
          const [sla] = await this.queries.execute(new GetTicketSlasQuery(ctx.actor, [input.ticketId]));
          if (!sla) throw SlaErrors.ticketNotFound(input.ticketId);
          return sla;
        }),
      forTickets: requireAbility('read', 'SlaPolicy')
        .input(zTicketSlasInput)
        .output(z.array(zTicketSla))
        .query(({ ctx, input }) => this.queries.execute(new GetTicketSlasQuery(ctx.actor, input.ticketIds))),
      settings: requireAbility('read', 'SlaPolicy')
        .meta({ openapi: { method: 'GET', path: '/sla/settings', tags, protect: true, summary: 'SLA policies (targets, assignments, escalation) and business-hours calendars' } })
        .input(z.object({}).optional())
        .output(z.object({ policies: z.array(zSlaPolicy), calendars: z.array(zBusinessCalendar) }))
        .query(() => this.queries.execute(new ListSlaSettingsQuery())),
      savePolicy: requireAbility('manage', 'SlaPolicy')
        .meta({ openapi: { method: 'PUT', path: '/sla/policies', tags, protect: true, summary: 'Create (no id) or change an SLA policy' } })
        .input(zSavePolicyInput)
        .output(zSlaPolicy)
        .mutation(({ ctx, input }) => this.commands.execute(new SavePolicyCommand(ctx.actor, input))),
      saveCalendar: requireAbility('manage', 'SlaPolicy')
        .meta({ openapi: { method: 'PUT', path: '/sla/calendars', tags, protect: true, summary: 'Create (no id) or change a business-hours calendar with its holidays' } })
        .input(zSaveCalendarInput)
        .output(zBusinessCalendar)
        .mutation(({ ctx, input }) => this.commands.execute(new SaveCalendarCommand(ctx.actor, input))),
      preview: requireAbility('read', 'SlaPolicy')
        .meta({ openapi: { method: 'GET', path: '/sla/preview', tags, protect: true, summary: 'When a ticket created at a given time would be due under a policy' } })
        .input(zSlaPreviewInput)
        .output(zSlaPreview)
        .query(({ input }) => {
          const at = input.createdAt ? new Date(input.createdAt) : input.createdAtLocal;
          if (!at) throw SlaErrors.invalidPolicy('createdAt', 'give createdAt (an instant) or createdAtLocal (a time in the calendar’s zone)');
          return this.queries.execute(new PreviewPolicyQuery(input.policyId, input.urgency, input.importance, at));
        }),
      compliance: requireAbility('read', 'SlaReport')
        .meta({ openapi: { method: 'GET', path: '/sla/compliance', tags, protect: true, summary: 'SLA compliance rate by policy, team, agent, company or month' } })
        .input(zComplianceInput)
        .output(z.array(zComplianceRow))
        .query(({ input }) => this.queries.execute(new ComplianceReportQuery(input))),
      setCompanyDisplay: requireAbility('manage', 'SlaPolicy')
        .input(z.object({ companyId: z.number().int().positive(), show: z.boolean() }))
        .output(z.object({ companyId: z.number().int(), show: z.boolean() }))
        .mutation(({ ctx, input }) => this.commands.execute(new SetCompanyDisplayCommand(ctx.actor, input.companyId, input.show))),
      /** For the portal: any signed-in user, checked against the ticket itself. */
      expectedResponse: authedProcedure
        .input(zTicketSlaInput)
        .output(zExpectedResponse)
        .query(({ ctx, input }) => this.queries.execute(new ExpectedResponseQuery(ctx.actor, input.ticketId))),
    });
  }
}
