import { Injectable } from '@nestjs/common';
import type { Ticket } from '@switchboard/contracts';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import { toCustomField } from '../catalog/catalog.mapper.js';
import type { AuthUser } from '../common/actor.js';
import { fromFieldRows } from './custom-field-values.js';
import { toTicket } from './ticket.mapper.js';
import type { TicketModel } from './ticket.model.js';
import { TicketRepository } from './ticket.repository.js';

/**
 * Turns loaded tickets into contract tickets with their tags and custom field values, fetched in
 * bulk (one query each, whatever the page size). Customers get customer-visible fields only.
 */
@Injectable()
export class TicketPresenter {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly catalog: CatalogRepository,
  ) {}

  async present(rows: TicketModel[], viewer: AuthUser): Promise<Ticket[]> {
    const ids = rows.map((r) => r.id);
    const typeIds = [...new Set(rows.map((r) => r.issueTypeId).filter((id): id is number => id !== null))];
    const [tags, fieldRows, types] = await Promise.all([
      this.tickets.tagsFor(ids),
      this.tickets.fieldRowsFor(ids),
      this.catalog.issueTypesByIds(typeIds),
    ]);
    const fieldsByType = new Map(
      types.map((t) => [
        t.id,
        (t.fields ?? []).filter((f) => !f.retired && (viewer.role !== 'customer' || f.customerVisible)).map(toCustomField),
      ]),
    );
    return rows.map((row) =>
      toTicket(row, viewer, {
        tags: tags.get(row.id) ?? [],
        customFields: fromFieldRows(fieldsByType.get(row.issueTypeId ?? -1) ?? [], fieldRows.get(row.id) ?? []),
      }),
    );
  }

  async presentOne(row: TicketModel, viewer: AuthUser): Promise<Ticket> {
    return (await this.present([row], viewer))[0];
  }
}
