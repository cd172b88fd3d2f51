import type { EventBus } from '@nestjs/cqrs';
import type { Sequelize } from 'sequelize-typescript';
import { defineAbilityFor } from '../../../access/ability.factory.js';
import type { AuditRepository } from '../../../audit/audit.repository.js';
import type { StaffTicketNotices } from '../../../inbox/staff-ticket-notices.js';
import type { Actor, AuthUser } from '../../../common/actor.js';
import { DomainError } from '../../../common/domain-error.js';
import type { TicketModel } from '../../ticket.model.js';
import type { TicketPresenter } from '../../ticket.presenter.js';
import type { TicketReferences } from '../../ticket-references.js';
import type { TicketRepository } from '../../ticket.repository.js';
import { UpdateTicketCommand } from './update-ticket.command.js';
import { UpdateTicketHandler } from './update-ticket.handler.js';

const person = { id: 1, name: 'Req', email: 'r@x.test', role: 'customer' };
function ticket(overrides: Partial<TicketModel> = {}) {
  return {
    id: 1001,
    subject: 's',
    description: 'd',
    status: 'open',
    urgency: 'medium',
    importance: 'medium',
    priority: 6,
    channel: 'portal',
    requesterId: 1,
    companyId: null,
    assigneeId: null,
    version: 3,
    requester: person,
    assignee: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  } as unknown as TicketModel;
}
const actor = (role: AuthUser['role'], id = 9): Actor => {
  const user: AuthUser = { id, role, name: 'Ana', email: 'a@x.test', companyId: null, companyName: null };
  return { user, ability: defineAbilityFor(user), ip: null };
};

function setup(current: TicketModel) {
  const calls = { updates: [] as unknown[], entries: [] as Array<Record<string, unknown>>, audits: [] as unknown[], events: [] as unknown[], notices: [] as unknown[] };
  const repo = {
    findById: async () => current,
    updateIfVersion: async (_id: number, version: number, changes: unknown) => {
      calls.updates.push({ version, changes });
      return version === current.version;
    },
    addEntry: async (e: Record<string, unknown>) => {
      calls.entries.push(e);
      return e;
    },
    tagsFor: async () => new Map([[current.id, []]]),
    setTags: async () => undefined,
    replaceFieldRows: async () => undefined,
  } as unknown as TicketRepository;
  const references = {
    fieldRows: () => new Map(),
    assignee: async (id: number) => ({ id, name: 'Ben Agent' }),
  } as unknown as TicketReferences;
  const presenter = { presentOne: async (t: TicketModel) => ({ id: t.id }) } as unknown as TicketPresenter;
  const audit = {
    record: async (_a: unknown, r: unknown) => void calls.audits.push(r),
    latestChange: async () => ({ at: new Date(Date.now() - 10_000), actorName: 'Ben' }),
  } as unknown as AuditRepository;
  const sequelize = { transaction: (fn: (t: unknown) => unknown) => fn({ LOCK: { UPDATE: 'UPDATE' } }) } as unknown as Sequelize;
  const events = { publish: (e: unknown) => void calls.events.push(e) } as unknown as EventBus;
  const notices = { append: async (topic: string, notice: unknown) => void calls.notices.push({ topic, notice }) } as unknown as StaffTicketNotices;
  return { handler: new UpdateTicketHandler(sequelize, repo, references, presenter, audit, events, notices), calls };
}

describe('UpdateTicketHandler', () => {
  it('applies a status change with one timeline event, one audit row and one event after commit', async () => {
    const { handler, calls } = setup(ticket());
    await handler.execute(new UpdateTicketCommand(actor('agent'), 1001, { status: 'resolved', version: 3 }));
    expect(calls.updates).toHaveLength(1);
    expect((calls.updates[0] as { changes: Record<string, unknown> }).changes).toMatchObject({ status: 'resolved' });
    expect(calls.entries).toEqual([expect.objectContaining({ kind: 'event', eventField: 'status', eventFrom: 'open', eventTo: 'resolved' })]);
    expect(calls.audits).toEqual([expect.objectContaining({ action: 'ticket.updated', before: { status: 'open' }, after: { status: 'resolved' } })]);
    expect(calls.events).toHaveLength(1);
  });

  it('recomputes the derived priority when urgency changes', async () => {
    const { handler, calls } = setup(ticket());
    await handler.execute(new UpdateTicketCommand(actor('agent'), 1001, { urgency: 'critical' }));
    expect((calls.updates[0] as { changes: Record<string, unknown> }).changes).toMatchObject({ urgency: 'critical', priority: 14 });
  });

  it('names who changed the ticket when the version is stale, and changes nothing', async () => {
    const { handler, calls } = setup(ticket());
    const error = await handler.execute(new UpdateTicketCommand(actor('agent'), 1001, { status: 'resolved', version: 2 })).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.kind).toBe('conflict');
    expect(error.message).toMatch(/changed by Ben 10 s ago/);
    expect(calls.updates).toHaveLength(0);
    expect(calls.events).toHaveLength(0);
  });

  it('does nothing and publishes nothing when nothing changes', async () => {
    const { handler, calls } = setup(ticket());
    await handler.execute(new UpdateTicketCommand(actor('agent'), 1001, { status: 'open' }));
    expect(calls.updates).toHaveLength(0);
    expect(calls.events).toHaveLength(0);
  });

  it('records assignment as a staff-only event naming the agent', async () => {
    const { handler, calls } = setup(ticket());
    await handler.execute(new UpdateTicketCommand(actor('agent'), 1001, { assigneeId: 12 }));
    expect((calls.updates[0] as { changes: Record<string, unknown> }).changes).toMatchObject({ assigneeId: 12 });
    expect(calls.entries).toEqual([expect.objectContaining({ kind: 'event', visibility: 'internal', eventField: 'assignee', eventFrom: null, eventTo: 'Ben Agent' })]);
    // The assignee's email, in the same transaction; the actor is passed so it never goes to them.
    expect(calls.notices).toEqual([{ topic: 'ticket.assigned', notice: expect.objectContaining({ ticketId: 1001, actorId: 9, recipientIds: [12] }) }]);
  });

  it('follows the issue type’s own workflow', async () => {
    const { handler, calls } = setup(ticket({ issueType: { id: 1, name: 'Bug', transitions: { open: ['in_progress'] } } } as never));
    const error = await handler.execute(new UpdateTicketCommand(actor('agent'), 1001, { status: 'resolved' })).catch((e) => e);
    expect(error.message).toBe('status: cannot change from open to resolved');
    expect(calls.updates).toHaveLength(0);
  });

  it('hides another customer’s ticket as not found', async () => {
    const { handler } = setup(ticket({ requesterId: 42 }));
    const error = await handler.execute(new UpdateTicketCommand(actor('customer', 5), 1001, { status: 'closed' })).catch((e) => e);
    expect(error.kind).toBe('not_found');
  });
});
