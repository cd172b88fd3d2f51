import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '../audit/audit.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { SaveCalendarHandler } from './commands/save-calendar/save-calendar.handler.js';
import { SavePolicyHandler } from './commands/save-policy/save-policy.handler.js';
import { SetCompanyDisplayHandler } from './commands/set-company-display/set-company-display.handler.js';
import { ComplianceReportHandler } from './queries/compliance-report/compliance-report.handler.js';
import { ExpectedResponseHandler } from './queries/expected-response/expected-response.handler.js';
import { GetTicketSlasHandler } from './queries/get-ticket-slas/get-ticket-slas.handler.js';
import { ListSlaSettingsHandler } from './queries/list-sla-settings/list-sla-settings.handler.js';
import { PreviewPolicyHandler } from './queries/preview-policy/preview-policy.handler.js';
import { SlaCoreModule } from './sla-core.module.js';
import { SlaSettings } from './sla-settings.js';
import { SlaSettingsRepository } from './sla-settings.repository.js';
import { SlaRouter } from './sla.router.js';
import { TicketSlaSaga } from './ticket-sla.saga.js';

/** SLAs in the api: targets follow ticket events; policies, calendars, previews and reports through tRPC/REST. */
@Module({
  imports: [CqrsModule, SlaCoreModule, AuditModule, OutboxModule],
  providers: [
    TicketSlaSaga,
    SlaSettings,
    SlaSettingsRepository,
    GetTicketSlasHandler,
    ListSlaSettingsHandler,
    PreviewPolicyHandler,
    ComplianceReportHandler,
    ExpectedResponseHandler,
    SavePolicyHandler,
    SaveCalendarHandler,
    SetCompanyDisplayHandler,
    SlaRouter,
  ],
  exports: [SlaRouter],
})
export class SlaModule {}
