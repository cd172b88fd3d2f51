import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import { ROLES } from '@switchboard/contracts';
import type { AuthUser } from '../common/actor.js';
import { catalogAbilities } from '../catalog/catalog.abilities.js';
import { attachmentsAbilities } from '../attachments/attachments.abilities.js';
import { authAbilities } from '../auth/auth.abilities.js';
import { notificationsAbilities } from '../notifications/notifications.abilities.js';
import { slaAbilities } from '../sla/sla.abilities.js';
import { satisfactionAbilities } from '../satisfaction/satisfaction.abilities.js';
import { ticketsAbilities } from '../tickets/tickets.abilities.js';
import { viewsAbilities } from '../views/views.abilities.js';
import { peopleAbilities } from '../people/people.abilities.js';
import { companiesAbilities } from '../companies/companies.abilities.js';
import { twilioAbilities } from '../channels/twilio/twilio.abilities.js';
import { kbAbilities, kbAnonymousAbilities } from '../kb/kb.abilities.js';
import { inboxAbilities } from '../inbox/inbox.abilities.js';
import { emailAbilities } from '../channels/email/email.abilities.js';
import { chatAbilities } from '../chat/chat.abilities.js';
import { customersAbilities } from '../customers/customers.abilities.js';
import { failedWorkAbilities } from '../failed-work/failed-work.abilities.js';
import type { AbilityContribution, AppAbility } from './app-ability.js';

/** Each domain's `*.abilities.ts`; a new domain adds its contribution here. */
const contributions: AbilityContribution[] = [
  ticketsAbilities,
  notificationsAbilities,
  catalogAbilities,
  viewsAbilities,
  satisfactionAbilities,
  attachmentsAbilities,
  authAbilities,
  peopleAbilities,
  companiesAbilities,
  slaAbilities,
  twilioAbilities,
  kbAbilities,
  inboxAbilities,
  emailAbilities,
  chatAbilities,
  customersAbilities,
  failedWorkAbilities,
];

export function defineAbilityFor(user: AuthUser): AppAbility {
  if (!(ROLES as readonly string[]).includes(user.role)) {
    throw new Error(`Unknown role "${user.role}" for user ${user.id}`);
  }
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (user.role === 'admin') builder.can('manage', 'all');
  for (const contribution of contributions) contribution[user.role](user, builder);
  return builder.build();
}

/** What a visitor who is not signed in may do (public knowledge-base pages); nothing else. */
export function defineAnonymousAbility(): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  kbAnonymousAbilities(builder);
  return builder.build();
}
