import { Query } from '@nestjs/cqrs';
import type { ChatSettings } from '@switchboard/contracts';

export class GetChatSettingsQuery extends Query<ChatSettings> {
  constructor(readonly companyId: number) {
    super();
  }
}
