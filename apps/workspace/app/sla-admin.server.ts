import type { ApiClient } from '@switchboard/trpc-client';
import type { BusinessCalendar, Catalog, SlaPolicy, SlaPreview, SaveCalendarInput, SavePolicyInput } from '@switchboard/contracts';

/** The procedures the SLA admin pages call, typed by the contracts (the real client must match; see slaApi). */
export interface SlaAdminProcedures {
  catalog: { get: { query(): Promise<Catalog> } };
  sla: {
    settings: { query(): Promise<{ policies: SlaPolicy[]; calendars: BusinessCalendar[] }> };
    savePolicy: { mutate(input: SavePolicyInput): Promise<SlaPolicy> };
    saveCalendar: { mutate(input: SaveCalendarInput): Promise<BusinessCalendar> };
    preview: {
      query(input: { policyId: number; urgency: SavePolicyInput['targets'][number]['urgency']; importance: SavePolicyInput['targets'][number]['importance']; createdAtLocal: string }): Promise<SlaPreview>;
    };
  };
}

export function slaApi(api: ApiClient): SlaAdminProcedures {
  return api;
}
