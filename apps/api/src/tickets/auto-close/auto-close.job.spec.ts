import type { CommandBus } from '@nestjs/cqrs';
import type { SchedulerRegistry } from '@nestjs/schedule';
import type { Actor } from '../../common/actor.js';
import { DomainError } from '../../common/domain-error.js';
import type { AppConfig } from '../../config/config.schema.js';
import type { SystemActor } from '../../users/system-actor.js';
import { UpdateTicketCommand } from '../commands/update-ticket/update-ticket.command.js';
import { AutoCloseJob } from './auto-close.job.js';
import { autoCloseCutoff, DUE_SQL, type DueTicket, type ResolvedTicketsFinder } from './resolved-tickets.finder.js';

const system = { user: { id: 1, name: 'Switchboard', role: 'admin' } } as unknown as Actor;

function setup(due: DueTicket[], failFor: number[] = []) {
  const calls = { cutoffs: [] as Date[], commands: [] as UpdateTicketCommand[] };
  const open = new Map(due.map((t) => [t.id, t]));
  const finder = {
    due: async (cutoff: Date) => {
      calls.cutoffs.push(cutoff);
      return [...open.values()];
    },
  } as unknown as ResolvedTicketsFinder;
  const commands = {
    execute: async (command: UpdateTicketCommand) => {
      calls.commands.push(command);
      if (failFor.includes(command.ticketId)) throw new DomainError('conflict', 'TICKET_STALE_VERSION', 'changed');
      open.delete(command.ticketId);
    },
  } as unknown as CommandBus;
  const job = new AutoCloseJob(
    finder,
    commands,
    { get: async () => system } as unknown as SystemActor,
    {} as SchedulerRegistry,
    { autoCloseDays: 4, autoCloseEveryMs: 300_000 } as AppConfig,
  );
  return { job, calls };
}

describe('auto-close', () => {
  it('asks for tickets resolved more than AUTO_CLOSE_DAYS ago, through the (status, resolved_at) index', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    expect(autoCloseCutoff(now, 4).toISOString()).toBe('2026-11-25T12:00:00.000Z');
    expect(autoCloseCutoff(now, 0.5).toISOString()).toBe('2026-11-29T00:00:00.000Z');
    expect(DUE_SQL).toMatch(/WHERE status = 'resolved' AND resolved_at < \?/);
  });

  it('closes each due ticket as the system user through UpdateTicketCommand, with the version it read', async () => {
    const { job, calls } = setup([{ id: 1001, version: 3 }, { id: 1002, version: 1 }]);
    const closed = await job.run(new Date('2026-11-29T12:00:00Z'));
    expect(closed).toEqual([1001, 1002]);
    expect(calls.cutoffs[0].toISOString()).toBe('2026-11-25T12:00:00.000Z');
    expect(calls.commands.map((c) => [c.actor, c.ticketId, c.data])).toEqual([
      [system, 1001, { status: 'closed', version: 3 }],
      [system, 1002, { status: 'closed', version: 1 }],
    ]);
  });

  it('leaves a ticket that changed meanwhile alone and goes on with the others', async () => {
    const { job, calls } = setup([{ id: 1001, version: 3 }, { id: 1002, version: 1 }], [1001]);
    expect(await job.run()).toEqual([1002]);
    expect(calls.commands).toHaveLength(2);
  });
});
