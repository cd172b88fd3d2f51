import type { AbilityContribution } from '../../access/app-ability.js';

/**
 * Phone: customers may ask to be called back; staff may call a customer back (Twilio rings their
 * phone, then the customer's) and send approved WhatsApp templates. Which tickets: the handlers check the ticket with the caller's abilities.
 */
export const twilioAbilities: AbilityContribution = {
  customer(_user, { can }) {
    can('create', 'CallbackRequest');
  },
  agent(_user, { can }) {
    can('create', 'PhoneCall');
    can('create', 'WhatsappTemplate');
  },
  manager(_user, { can }) {
    can('create', 'PhoneCall');
    can('create', 'WhatsappTemplate');
  },
  admin() {},
};
