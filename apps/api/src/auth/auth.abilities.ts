import type { AbilityContribution } from '../access/app-ability.js';

/**
 * Everyone sees and revokes their own sign-in sessions. Staff create and revoke their own API keys
 * (integrations act as the key's owner, with the owner's rights) and may turn on two-factor sign-in
 * for their own account (TwoFactor is always the actor's own); admins get `manage all`, which alone
 * covers `UserSecurity` (resetting someone else's two-factor sign-in).
 */
export const authAbilities: AbilityContribution = {
  customer(user, { can }) {
    can('manage', 'Session', { userId: user.id });
  },
  agent(user, { can }) {
    can('manage', 'Session', { userId: user.id });
    can('manage', 'ApiKey', { userId: user.id });
    can('manage', 'TwoFactor');
  },
  manager(user, { can }) {
    can('manage', 'Session', { userId: user.id });
    can('manage', 'ApiKey', { userId: user.id });
    can('manage', 'TwoFactor');
  },
  admin() {},
};
