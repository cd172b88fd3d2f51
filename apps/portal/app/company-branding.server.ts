import { apiWithToken } from './api.server';
import { getSession } from './session.server';

export interface CompanyBranding {
  name: string;
  logoUrl: string | null;
  primaryColor: string | null;
  accentColor: string | null;
  /** The viewer is one of the company's administrators (shows the Company page link). */
  admin: boolean;
}

/**
 * The branding of the signed-in customer's company, read from the API on each page (a move between
 * companies shows at once). Any failure means the plain Switchboard header, never a broken page.
 */
export async function companyBranding(request: Request): Promise<CompanyBranding | null> {
  const token = (await getSession(request)).get('token');
  if (!token) return null;
  const api = apiWithToken(request, token);
  try {
    const me = await api.auth.me.query();
    if (me.role !== 'customer' || !me.companyId) return null;
    const company = (await api.companies.list.query()).find((c) => c.id === me.companyId);
    if (!company) return null;
    return {
      name: company.brandName || company.name,
      logoUrl: company.brandLogoUrl,
      primaryColor: company.brandPrimaryColor,
      accentColor: company.brandAccentColor,
      admin: Boolean(me.companyAdmin),
    };
  } catch {
    return null;
  }
}
