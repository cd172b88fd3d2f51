import { Query } from '@nestjs/cqrs';
import type { CannedReply } from '@switchboard/contracts';

export class ListCannedRepliesQuery extends Query<CannedReply[]> {}
