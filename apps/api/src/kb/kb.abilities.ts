import type { AbilityBuilder } from '@casl/ability';
import type { AbilityContribution, AppAbility } from '../access/app-ability.js';

const PUBLISHED = 'published';

/** Visitors who are not signed in: published public articles and the category tree. */
export function kbAnonymousAbilities({ can }: AbilityBuilder<AppAbility>) {
  can('read', 'KbArticle', { state: PUBLISHED, visibility: 'public' });
  can('read', 'KbCategory');
}

/**
 * Readers see published articles their visibility allows (customers: public, signed-in customers,
 * and their own company's); staff see and write every article. Publishing is per category: agents
 * where the category lets agents publish, managers everywhere. Admins get `manage all` from the factory.
 */
export const kbAbilities: AbilityContribution = {
  customer(user, builder) {
    kbAnonymousAbilities(builder);
    builder.can('read', 'KbArticle', { state: PUBLISHED, visibility: 'customers' });
    if (user.companyId !== null) builder.can('read', 'KbArticle', { state: PUBLISHED, visibility: 'company', companyId: user.companyId });
  },
  agent(_user, { can }) {
    can(['read', 'create', 'update'], 'KbArticle');
    can('read', 'KbCategory');
    can('publish', 'KbCategory', { publishRole: 'agent' });
  },
  manager(_user, { can }) {
    can(['read', 'create', 'update'], 'KbArticle');
    can(['read', 'create', 'update', 'publish'], 'KbCategory');
    can('read', 'KbSearchMiss');
  },
  admin() {},
};
