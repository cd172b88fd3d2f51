import type { FailedWork, FailedWorkActionResult, FailedWorkCounts } from '@switchboard/contracts';
import type { ApiClient } from '@switchboard/trpc-client';

/** The failed-work procedures the admin page and the nav badge call, typed by the contracts (see queueApi for the idea). */
export interface FailedWorkProcedures {
  failedWork: {
    list: { query(input: { topic?: string; cursor?: string; limit: number }): Promise<{ items: FailedWork[]; nextCursor: string | null }> };
    counts: { query(): Promise<FailedWorkCounts> };
    retry: { mutate(input: { id: number }): Promise<FailedWorkActionResult> };
    retryTopic: { mutate(input: { topic: string }): Promise<{ topic: string; retried: number }> };
    dismiss: { mutate(input: { id: number }): Promise<FailedWorkActionResult> };
  };
}

export function failedWorkApi(api: ApiClient): FailedWorkProcedures {
  return api as unknown as FailedWorkProcedures;
}
