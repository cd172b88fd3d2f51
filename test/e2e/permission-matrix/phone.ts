import { row, staffOnly, adminOnly, staffAnswer, type Rows } from './rows.js';

/** Phone, SMS and WhatsApp: callbacks, the Twilio settings, WhatsApp templates. */
export const phoneRows: Rows = {
  // Phone: customers ask for a callback, staff call back, admins change the Twilio settings.
  'phone.requestCallback': {
    probe: (f) => f.client.phone.requestCallback.mutate({ phone: '+4930123456', window: 'after 5pm' }),
    expect: row('forbidden', { customer: 'ok', coOwn: 'ok', coShared: 'ok', admin: 'ok' }),
  },
  'phone.callBack': { probe: (f) => f.client.phone.callBack.mutate({ id: f.target, agentPhone: '+4930123456' }), expect: staffAnswer('bad_request') },
  'phone.settings': { probe: (f) => f.client.phone.settings.query({}), expect: adminOnly },
  // Refused input, so nothing changes: only admins get as far as validation.
  'phone.updateSettings': { probe: (f) => f.client.phone.updateSettings.mutate({ accountSid: 'nope' } as never), expect: row('forbidden', { admin: 'bad_request' }) },
  // WhatsApp templates: staff list and send them; the target is not a WhatsApp ticket, so sending stops at validation.
  'phone.whatsappTemplates': { probe: (f) => f.client.phone.whatsappTemplates.query({}), expect: staffOnly },
  'phone.sendWhatsappTemplate': {
    probe: (f) => f.client.phone.sendWhatsappTemplate.mutate({ id: f.target, template: 'nope', variables: {} }),
    expect: staffAnswer('bad_request'),
  },
};
