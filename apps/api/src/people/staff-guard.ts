import type { Actor } from '../common/actor.js';

/** Staff accounts (roles, invitations, admins' profiles) are an admin's business; `create Invitation` is that right. */
export const managesStaffAccounts = (actor: Actor) => actor.ability.can('create', 'Invitation');
