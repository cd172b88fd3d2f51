import { Inject, Injectable } from '@nestjs/common';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { AppConfig } from '../../../config/config.schema.js';

/** A support address we receive on and send from. `id` null: SUPPORT_EMAIL itself (not a row). */
export interface SupportAddressRecord {
  id: number | null;
  address: string;
  displayName: string | null;
  companyId: number | null;
  companyName: string | null;
}

/** local+tag@domain -> local@domain, lower case: the address a plus-address belongs to. */
export function baseAddress(address: string): string {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at < 0) return lower;
  return `${lower.slice(0, at).split('+')[0]}@${lower.slice(at + 1)}`;
}

const COLUMNS = `a.id, a.address, a.display_name AS displayName, a.company_id AS companyId, c.name AS companyName`;
const toRecord = (r: SupportAddressRecord): SupportAddressRecord => ({
  ...r,
  id: r.id == null ? null : Number(r.id),
  companyId: r.companyId == null ? null : Number(r.companyId),
});

/**
 * Our support addresses: SUPPORT_EMAIL plus the ones admins configure (email_support_addresses),
 * each optionally a company's own. Inbound mail to one links its ticket to it
 * (email_ticket_addresses); mail we send on that ticket goes out From it, with Reply-To its plus-address.
 */
@Injectable()
export class SupportAddresses {
  constructor(
    private readonly sequelize: Sequelize,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get fallback(): SupportAddressRecord {
    return { id: null, address: this.config.email.supportAddress, displayName: null, companyId: null, companyName: null };
  }

  async list(): Promise<SupportAddressRecord[]> {
    const rows = await this.sequelize.query<SupportAddressRecord>(
      `SELECT ${COLUMNS} FROM email_support_addresses a LEFT JOIN companies c ON c.id = a.company_id ORDER BY a.address`,
      { type: QueryTypes.SELECT },
    );
    return rows.map(toRecord);
  }

  async find(id: number): Promise<SupportAddressRecord | null> {
    const [row] = await this.sequelize.query<SupportAddressRecord>(
      `SELECT ${COLUMNS} FROM email_support_addresses a LEFT JOIN companies c ON c.id = a.company_id WHERE a.id = ?`,
      { replacements: [id], type: QueryTypes.SELECT },
    );
    return row ? toRecord(row) : null;
  }

  /** Every address that is ours (SUPPORT_EMAIL first), lower case. */
  async ours(): Promise<string[]> {
    return [this.config.email.supportAddress, ...(await this.list()).map((a) => a.address)];
  }

  /** The configured address a message was sent to (plus-addresses count), or null for SUPPORT_EMAIL / none. */
  async forRecipients(recipients: readonly string[]): Promise<SupportAddressRecord | null> {
    const bases = new Set(recipients.map(baseAddress));
    if (bases.size === 0) return null;
    const configured = await this.list();
    return configured.find((a) => bases.has(a.address)) ?? null;
  }

  /** The address a ticket's mail goes out from: the one its mail came to, else SUPPORT_EMAIL. */
  async forTicket(ticketId: number | null): Promise<SupportAddressRecord> {
    if (ticketId == null) return this.fallback;
    const [row] = await this.sequelize.query<SupportAddressRecord>(
      `SELECT ${COLUMNS} FROM email_ticket_addresses t JOIN email_support_addresses a ON a.id = t.support_address_id
         LEFT JOIN companies c ON c.id = a.company_id WHERE t.ticket_id = ?`,
      { replacements: [ticketId], type: QueryTypes.SELECT },
    );
    if (row) return toRecord(row);
    // A ticket just created from an email is linked only after its creation committed; until then the
    // address is on the inbound email its creation's audit row names (user agent inbound-email:<id>).
    const [early] = await this.sequelize.query<SupportAddressRecord>(
      `SELECT ${COLUMNS} FROM audit_log al
         JOIN inbound_emails ie ON ie.id = CAST(SUBSTRING(al.user_agent, 15) AS UNSIGNED)
         JOIN email_support_addresses a ON a.id = ie.support_address_id
         LEFT JOIN companies c ON c.id = a.company_id
        WHERE al.subject_type = 'Ticket' AND al.subject_id = ? AND al.action = 'ticket.created' AND al.user_agent LIKE 'inbound-email:%'
        ORDER BY al.id LIMIT 1`,
      { replacements: [String(ticketId)], type: QueryTypes.SELECT },
    );
    return early ? toRecord(early) : this.fallback;
  }

  /** Notes on the stored inbound email which address it came to, before its ticket exists. */
  async noteInbound(inboundId: number, supportAddressId: number) {
    await this.sequelize.query('UPDATE inbound_emails SET support_address_id = ? WHERE id = ?', { replacements: [supportAddressId, inboundId] });
  }

  /** Links a ticket to the address its first mail came to; a later mail to another address changes nothing. */
  async link(ticketId: number, supportAddressId: number, transaction?: Transaction) {
    await this.sequelize.query('INSERT IGNORE INTO email_ticket_addresses (ticket_id, support_address_id) VALUES (?, ?)', {
      replacements: [ticketId, supportAddressId],
      transaction,
    });
  }

  /** Creates (no id) or edits an address; returns its id, or null when another row already has the address. */
  async save(input: { id?: number; address: string; displayName: string | null; companyId: number | null }, transaction: Transaction): Promise<number | null> {
    const address = input.address.trim().toLowerCase();
    const [clash] = await this.sequelize.query<{ id: number }>('SELECT id FROM email_support_addresses WHERE address = ?', {
      replacements: [address],
      type: QueryTypes.SELECT,
      transaction,
    });
    if (clash && Number(clash.id) !== input.id) return null;
    if (input.id) {
      await this.sequelize.query('UPDATE email_support_addresses SET address = ?, display_name = ?, company_id = ? WHERE id = ?', {
        replacements: [address, input.displayName, input.companyId, input.id],
        transaction,
      });
      return input.id;
    }
    const [id] = (await this.sequelize.query('INSERT INTO email_support_addresses (address, display_name, company_id) VALUES (?, ?, ?)', {
      replacements: [address, input.displayName, input.companyId],
      type: QueryTypes.INSERT,
      transaction,
    })) as unknown as [number, number];
    return Number(id);
  }

  async remove(id: number, transaction: Transaction) {
    await this.sequelize.query('DELETE FROM email_support_addresses WHERE id = ?', { replacements: [id], transaction });
  }
}
