import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import type { ChatSettings } from '@switchboard/contracts';
import { randomBytes } from 'node:crypto';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { ChatErrors } from '../../chat.errors.js';
import { ChatCompanyRepository } from '../../chat-company.repository.js';
import { ChatDestinationRepository } from '../../chat-destination.repository.js';
import { GetChatSettingsQuery } from '../../queries/get-chat-settings/get-chat-settings.query.js';
import { SaveChatSettingsCommand } from './save-chat-settings.command.js';

@CommandHandler(SaveChatSettingsCommand)
export class SaveChatSettingsHandler implements ICommandHandler<SaveChatSettingsCommand, ChatSettings> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly destinations: ChatDestinationRepository,
    private readonly companies: ChatCompanyRepository,
    private readonly audit: AuditRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ actor, input }: SaveChatSettingsCommand): Promise<ChatSettings> {
    const before = await this.queries.execute(new GetChatSettingsQuery(input.companyId));
    if (input.categoryId && !(await this.destinations.categoryExists(input.categoryId))) throw ChatErrors.noCategory(input.categoryId);
    const secret = input.rotateSecret || (input.enabled && !before.secret) ? randomBytes(32).toString('hex') : undefined;
    await this.sequelize.transaction(async (transaction) => {
      await this.companies.saveCompanySettings(
        input.companyId,
        { enabled: input.enabled, secret, inviteAfterSeconds: input.inviteAfterSeconds, inviteUrlPattern: input.inviteUrlPattern, inviteMessage: input.inviteMessage, categoryId: input.categoryId },
        transaction,
      );
      // The secret never goes into the audit trail; that it changed does.
      const { secret: _old, widgetUrl: _url, ...visible } = before;
      await this.audit.record(
        actor,
        { action: 'company.chat_settings', subjectType: 'Company', subjectId: input.companyId, before: visible, after: { ...input, secretRotated: Boolean(secret) } },
        transaction,
      );
    });
    return this.queries.execute(new GetChatSettingsQuery(input.companyId));
  }
}
