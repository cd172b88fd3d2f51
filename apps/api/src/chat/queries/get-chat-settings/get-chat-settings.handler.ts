import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ChatSettings } from '@switchboard/contracts';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { AppConfig } from '../../../config/config.schema.js';
import { ChatErrors } from '../../chat.errors.js';
import { ChatCompanyRepository } from '../../chat-company.repository.js';
import { GetChatSettingsQuery } from './get-chat-settings.query.js';

@QueryHandler(GetChatSettingsQuery)
export class GetChatSettingsHandler implements IQueryHandler<GetChatSettingsQuery, ChatSettings> {
  constructor(
    private readonly companies: ChatCompanyRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ companyId }: GetChatSettingsQuery): Promise<ChatSettings> {
    const company = await this.companies.company(companyId);
    if (!company) throw ChatErrors.companyNotFound(companyId);
    return {
      companyId,
      enabled: company.chatEnabled,
      secret: company.chatSecret,
      inviteAfterSeconds: company.inviteAfterSeconds,
      inviteUrlPattern: company.inviteUrlPattern,
      inviteMessage: company.inviteMessage,
      categoryId: company.categoryId,
      widgetUrl: `${this.config.publicApiUrl.replace(/\/$/, '')}/widget.js`,
    };
  }
}
