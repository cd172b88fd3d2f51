import type { InboundEmail, InboundEmailStatus } from '@switchboard/contracts';
import type { ApiClient } from '@switchboard/trpc-client';

/** The inbound-email procedures the admin page calls, typed by the contracts (see queueApi for the idea). */
export interface InboundEmailProcedures {
  email: {
    inbound: { query(input: { status?: InboundEmailStatus[]; page: number; pageSize: number }): Promise<{ items: InboundEmail[]; total: number }> };
    retry: { mutate(input: { id: number }): Promise<InboundEmail> };
  };
}

export function inboundEmailApi(api: ApiClient): InboundEmailProcedures {
  return api;
}
