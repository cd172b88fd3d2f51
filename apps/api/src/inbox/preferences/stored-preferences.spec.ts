import { DEFAULT_NOTIFICATION_PREFERENCES } from '@switchboard/contracts';
import { readStoredPreferences } from './stored-preferences.js';

const saved = {
  events: {
    mention: { inApp: true, email: false },
    assigned: { inApp: false, email: false },
    team_ticket_created: { inApp: true, email: false },
    customer_replied: { inApp: true, email: true },
    sla_warning: { inApp: true, email: false },
    sla_breach: { inApp: true, email: true },
    failed_work: { inApp: true, email: false },
  },
  quietHours: { enabled: true, start: '20:00', end: '06:00', timeZone: 'Europe/Lisbon', email: 'drop' },
  customer: { replies: false },
};

describe('readStoredPreferences', () => {
  it('reads a complete document as it was saved', () => {
    expect(readStoredPreferences(JSON.stringify(saved))).toEqual(saved);
  });

  it('keeps every saved choice when the document predates an event: the missing event takes its default', () => {
    const { sla_breach: _missing, ...older } = saved.events;
    const read = readStoredPreferences(JSON.stringify({ ...saved, events: older }));
    expect(read.events.assigned).toEqual({ inApp: false, email: false });
    expect(read.events.sla_breach).toEqual(DEFAULT_NOTIFICATION_PREFERENCES.events.sla_breach);
    expect(read.quietHours).toEqual(saved.quietHours);
    expect(read.customer).toEqual({ replies: false });
  });

  it('a document saved before failed_work existed keeps all its choices; failed_work takes its default (docs/decisions/026)', () => {
    const { failed_work: _new, ...before026 } = saved.events;
    const read = readStoredPreferences(JSON.stringify({ ...saved, events: before026 }));
    expect(read).toEqual({ ...saved, events: { ...before026, failed_work: DEFAULT_NOTIFICATION_PREFERENCES.events.failed_work } });
    expect(read.events.failed_work).toEqual({ inApp: true, email: true });
  });

  it('falls back part by part: a broken quiet-hours block or event does not cost the rest', () => {
    const read = readStoredPreferences(
      JSON.stringify({ ...saved, events: { ...saved.events, mention: { inApp: 'yes' } }, quietHours: { enabled: true, start: '25:00' }, customer: 3 }),
    );
    expect(read.events.mention).toEqual(DEFAULT_NOTIFICATION_PREFERENCES.events.mention);
    expect(read.events.assigned).toEqual({ inApp: false, email: false });
    expect(read.quietHours).toEqual(DEFAULT_NOTIFICATION_PREFERENCES.quietHours);
    expect(read).not.toHaveProperty('customer');
  });

  it('ignores events nobody knows any more, and reads unreadable JSON as the defaults', () => {
    expect(readStoredPreferences(JSON.stringify({ ...saved, events: { ...saved.events, retired_event: { inApp: true, email: true } } })).events).not.toHaveProperty('retired_event');
    expect(readStoredPreferences('{not json')).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);
    expect(readStoredPreferences('null')).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);
  });
});
