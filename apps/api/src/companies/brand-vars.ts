export type BrandColumns = { brandName: string | null; brandLogoUrl: string | null; brandPrimaryColor: string | null; brandAccentColor: string | null };

/**
 * A company's branding as template variables ({{ company.brand.name }}, {{ company.brand.logo_url }},
 * {{ company.brand.primary_color }}, {{ company.brand.accent_color }}): empty strings when unset, so a
 * template can test them with {% if %}.
 */
export function brandVars(row: Partial<BrandColumns & { companyName: string | null }> | undefined) {
  return {
    name: row?.brandName || row?.companyName || '',
    logo_url: row?.brandLogoUrl ?? '',
    primary_color: row?.brandPrimaryColor ?? '',
    accent_color: row?.brandAccentColor ?? '',
  };
}
