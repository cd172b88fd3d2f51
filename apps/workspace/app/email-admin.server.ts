import type { Company, EmailTemplate, SupportAddress, SupportAddressInput } from '@switchboard/contracts';
import type { ApiClient } from '@switchboard/trpc-client';

export type EmailTemplateKind = EmailTemplate['kind'];
export interface RenderedTemplate {
  subject: string;
  text: string;
  html: string | null;
}

/** The email-settings procedures the admin pages call, typed by the contracts (see inboundEmailApi for the idea). */
export interface EmailAdminProcedures {
  email: {
    addresses: { query(): Promise<{ defaultAddress: string; items: SupportAddress[] }> };
    saveAddress: { mutate(input: SupportAddressInput): Promise<SupportAddress> };
    removeAddress: { mutate(input: { id: number }): Promise<{ id: number }> };
    template: { query(input: { companyId?: number | null; kind: EmailTemplateKind }): Promise<EmailTemplate & { custom: boolean }> };
    saveTemplate: { mutate(input: EmailTemplate): Promise<EmailTemplate & { custom: boolean }> };
    previewTemplate: { mutate(input: EmailTemplate): Promise<RenderedTemplate> };
  };
  companies: { list: { query(): Promise<Company[]> } };
}

export function emailAdminApi(api: ApiClient): EmailAdminProcedures {
  return api;
}
