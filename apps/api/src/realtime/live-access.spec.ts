import { defineAbilityFor } from '../access/ability.factory.js';
import type { AuthUser } from '../common/actor.js';
import { abilityClass, visibleChatEventCached, visibleEvent, visibleEventCached, type StoredTicketEvent } from './live-access.js';

const user = (id: number, role: AuthUser['role'], companyId: number | null = null): AuthUser => ({
  id,
  name: `u${id}`,
  email: `u${id}@example.test`,
  role,
  companyId,
  companyName: null,
  companyTicketVisibility: companyId ? 'own' : null,
});

const access = { id: 7, requesterId: 10, companyId: 1, assigneeId: null, status: 'open' };
const note = (): StoredTicketEvent => ({ type: 'entry.added', ticketId: 7, actorId: 2, at: 'now', entryId: 1, kind: 'note', visibility: 'internal', access });
const reply = (): StoredTicketEvent => ({ type: 'entry.added', ticketId: 7, actorId: 2, at: 'now', entryId: 2, kind: 'reply', visibility: 'public', access });

describe('access decisions cached per ability class', () => {
  it('gives abilities with the same rules one class, and different users different classes', () => {
    expect(abilityClass(defineAbilityFor(user(2, 'agent')))).toBe(abilityClass(defineAbilityFor(user(2, 'agent'))));
    expect(abilityClass(defineAbilityFor(user(10, 'customer', 1)))).not.toBe(abilityClass(defineAbilityFor(user(11, 'customer', 1))));
    expect(abilityClass(defineAbilityFor(user(10, 'customer', 1)))).not.toBe(abilityClass(defineAbilityFor(user(2, 'agent'))));
  });

  it('never hands a customer the decision cached for an agent, whatever the order', () => {
    const agent = defineAbilityFor(user(2, 'agent'));
    const requester = defineAbilityFor(user(10, 'customer', 1));
    const stranger = defineAbilityFor(user(11, 'customer', 1));
    const internal = note();
    expect(visibleEventCached(agent, internal)).not.toBeNull();
    expect(visibleEventCached(requester, internal)).toBeNull();
    const pub = reply();
    expect(visibleEventCached(agent, pub)).not.toBeNull();
    expect(visibleEventCached(requester, pub)).not.toBeNull();
    expect(visibleEventCached(stranger, pub)).toBeNull();
    // Same answers as the uncached check, and one shared object per class.
    for (const a of [agent, requester, stranger]) expect(visibleEventCached(a, pub)).toEqual(visibleEvent(a, pub));
    expect(visibleEventCached(defineAbilityFor(user(2, 'agent')), pub)).toBe(visibleEventCached(agent, pub));
  });
});

describe('entry.updated and chat events', () => {
  it('hides an updated internal entry from the customer, like an added one', () => {
    const updated = (visibility: 'public' | 'internal'): StoredTicketEvent => ({
      type: 'entry.updated',
      ticketId: 7,
      actorId: 0,
      at: 'now',
      entryId: 3,
      kind: visibility === 'internal' ? 'note' : 'reply',
      visibility,
      change: 'delivery',
      access,
    });
    const agent = defineAbilityFor(user(2, 'agent'));
    const requester = defineAbilityFor(user(10, 'customer', 1));
    expect(visibleEventCached(agent, updated('internal'))).toMatchObject({ type: 'entry.updated', entryId: 3 });
    expect(visibleEventCached(requester, updated('internal'))).toBeNull();
    expect(visibleEventCached(requester, updated('public'))).toMatchObject({ type: 'entry.updated', change: 'delivery' });
  });

  it('passes a chat event to staff classes only, deciding once per class', () => {
    const event = { access: { companyId: 1 } };
    expect(visibleChatEventCached(defineAbilityFor(user(2, 'agent')), event)).toBe(true);
    expect(visibleChatEventCached(defineAbilityFor(user(3, 'manager')), event)).toBe(true);
    expect(visibleChatEventCached(defineAbilityFor(user(10, 'customer', 1)), event)).toBe(false);
  });
});
