import type { AbilityContribution } from '../access/app-ability.js';

/**
 * Staff see, accept, transfer, answer and end chats; managers also keep the canned replies (manage).
 * Customers never reach chats through tRPC: visitors use the widget's token-bound API (chat-visitor.controller.ts).
 */
export const chatAbilities: AbilityContribution = {
  customer() {},
  agent(_user, { can }) {
    can(['read', 'update'], 'ChatSession');
  },
  manager(_user, { can }) {
    can(['read', 'update', 'manage'], 'ChatSession');
  },
  admin() {},
};
