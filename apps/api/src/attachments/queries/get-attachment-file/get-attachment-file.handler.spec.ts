import type { QueryBus } from '@nestjs/cqrs';
import { Readable } from 'node:stream';
import { defineAbilityFor } from '../../../access/ability.factory.js';
import type { Actor, AuthUser } from '../../../common/actor.js';
import { DomainError } from '../../../common/domain-error.js';
import type { AttachmentModel } from '../../attachment.model.js';
import type { AttachmentRepository } from '../../attachment.repository.js';
import type { AttachmentStorage } from '../../storage/attachment-storage.js';
import { GetAttachmentFileHandler } from './get-attachment-file.handler.js';
import { GetAttachmentFileQuery } from './get-attachment-file.query.js';

const actor = (role: AuthUser['role'], id: number): Actor => {
  const user: AuthUser = { id, role, name: 'N', email: 'n@x.test', companyId: null, companyName: null };
  return { user, ability: defineAbilityFor(user), ip: null };
};
const row = (overrides: Partial<AttachmentModel>) =>
  ({
    id: 7,
    storageKey: 'a'.repeat(64),
    filename: 'f.png',
    contentType: 'image/png',
    size: 3,
    uploaderId: 1,
    ticketId: 1001,
    ticketEntryId: 50,
    visibility: 'public',
    ...overrides,
  }) as AttachmentModel;

function setup(current: AttachmentModel | null, readableTicketFor: number[] = [1]) {
  const asked: number[] = [];
  const repo = { findById: async () => current } as unknown as AttachmentRepository;
  const queries = {
    execute: async (q: { actor: Actor; ticketId: number }) => {
      asked.push(q.ticketId);
      if (!readableTicketFor.includes(q.actor.user.id) && q.actor.user.role === 'customer') {
        throw new DomainError('not_found', 'TICKET_NOT_FOUND', 'Ticket was not found');
      }
      return {};
    },
  } as unknown as QueryBus;
  const storage = { get: async () => Readable.from([Buffer.from('abc')]) } as unknown as AttachmentStorage;
  return { handler: new GetAttachmentFileHandler(repo, queries, storage), asked };
}

const kindOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: DomainError) => e.kind);

describe('GetAttachmentFileHandler', () => {
  it('serves a public entry’s file to the requester, after asking the tickets module about the ticket', async () => {
    const { handler, asked } = setup(row({}));
    const file = await handler.execute(new GetAttachmentFileQuery(actor('customer', 1), 7));
    expect(file.attachment).toEqual({ id: 7, filename: 'f.png', contentType: 'image/png', size: 3, url: '/api/v1/attachments/7' });
    expect(asked).toEqual([1001]);
  });

  it('answers not found to a customer who may not read the ticket', async () => {
    const { handler } = setup(row({}), [1]);
    await expect(kindOf(handler.execute(new GetAttachmentFileQuery(actor('customer', 2), 7)))).resolves.toBe('not_found');
  });

  it('never serves an internal entry’s file to a customer, even the requester, and does not even ask about the ticket', async () => {
    const { handler, asked } = setup(row({ visibility: 'internal', uploaderId: 9 }));
    await expect(kindOf(handler.execute(new GetAttachmentFileQuery(actor('customer', 1), 7)))).resolves.toBe('not_found');
    expect(asked).toEqual([]);
    await expect(kindOf(handler.execute(new GetAttachmentFileQuery(actor('agent', 9), 7)))).resolves.toBe('ok');
  });

  it('serves an unattached upload only to its uploader', async () => {
    const loose = row({ ticketId: null, ticketEntryId: null, visibility: null, uploaderId: 1 });
    await expect(kindOf(setup(loose).handler.execute(new GetAttachmentFileQuery(actor('customer', 1), 7)))).resolves.toBe('ok');
    await expect(kindOf(setup(loose).handler.execute(new GetAttachmentFileQuery(actor('customer', 2), 7)))).resolves.toBe('not_found');
    await expect(kindOf(setup(loose).handler.execute(new GetAttachmentFileQuery(actor('agent', 3), 7)))).resolves.toBe('not_found');
  });

  it('answers not found for an unknown id', async () => {
    await expect(kindOf(setup(null).handler.execute(new GetAttachmentFileQuery(actor('agent', 3), 7)))).resolves.toBe('not_found');
  });
});
