import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import type { Company, CompanyMember, SaveCompanyInput } from '@switchboard/contracts';
import { Op, QueryTypes, type Transaction, type WhereOptions } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { CompanyModel } from '../users/company.model.js';
import { UserModel } from '../users/user.model.js';

type CompanyChanges = Omit<SaveCompanyInput, 'id' | 'agentIds'>;

/** Companies, their assigned agents and their users. Lists take the ability-derived where, so they filter in SQL. */
@Injectable()
export class CompanyRepository {
  constructor(
    private readonly sequelize: Sequelize,
    @InjectModel(CompanyModel) private readonly companies: typeof CompanyModel,
    @InjectModel(UserModel) private readonly users: typeof UserModel,
  ) {}

  async list(visible: WhereOptions, ids?: number[], transaction?: Transaction): Promise<Company[]> {
    const where: WhereOptions = ids ? { [Op.and]: [visible, { id: { [Op.in]: ids } }] } : visible;
    const rows = await this.companies.findAll({ where, order: [['name', 'ASC']], transaction });
    if (rows.length === 0) return [];
    const companyIds = rows.map((r) => r.id);
    const [agents, counts] = await Promise.all([
      this.sequelize.query<{ companyId: number; id: number; name: string }>(
        'SELECT a.company_id AS companyId, u.id, u.name FROM company_agents a JOIN users u ON u.id = a.user_id WHERE a.company_id IN (?) ORDER BY u.name',
        { replacements: [companyIds], type: QueryTypes.SELECT, transaction },
      ),
      this.sequelize.query<{ companyId: number; n: number }>(
        'SELECT company_id AS companyId, COUNT(*) AS n FROM users WHERE company_id IN (?) GROUP BY company_id',
        { replacements: [companyIds], type: QueryTypes.SELECT, transaction },
      ),
    ]);
    return rows.map((c) => ({
      id: c.id,
      name: c.name,
      domain: c.domain,
      ticketVisibility: c.ticketVisibility,
      brandName: c.brandName,
      brandPrimaryColor: c.brandPrimaryColor,
      brandAccentColor: c.brandAccentColor,
      voiceGreeting: c.voiceGreeting ?? null,
      brandLogoUrl: c.brandLogoUrl ?? null,
      agents: agents.filter((a) => a.companyId === c.id).map(({ id, name }) => ({ id, name })),
      userCount: Number(counts.find((n) => n.companyId === c.id)?.n ?? 0),
    }));
  }

  async exists(id: number, transaction?: Transaction) {
    return (await this.companies.count({ where: { id }, transaction })) > 0;
  }

  /** Creates or updates the settings; `domain` is not touched here (mail linking owns it). */
  async save(id: number | undefined, changes: CompanyChanges, transaction: Transaction): Promise<number> {
    const values = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (id) {
      await this.companies.update(values, { where: { id }, transaction });
      return id;
    }
    return (await this.companies.create(values, { transaction })).id;
  }

  async setAgents(companyId: number, agentIds: number[], transaction: Transaction) {
    await this.sequelize.query('DELETE FROM company_agents WHERE company_id = ?', { replacements: [companyId], transaction });
    const unique = [...new Set(agentIds)];
    if (unique.length) {
      await this.sequelize.query(`INSERT INTO company_agents (company_id, user_id) VALUES ${unique.map(() => '(?, ?)').join(', ')}`, {
        replacements: unique.flatMap((u) => [companyId, u]),
        transaction,
      });
    }
  }

  async members(companyId: number, visible: WhereOptions): Promise<CompanyMember[]> {
    const rows = await this.users.findAll({
      where: { [Op.and]: [visible, { companyId }] },
      attributes: ['id', 'name', 'email', 'companyAdmin', 'status'],
      order: [['name', 'ASC']],
    });
    return rows.map((u) => ({ id: u.id, name: u.name, email: u.email, companyAdmin: Boolean(u.companyAdmin), status: u.status }));
  }

  lockUser(id: number, transaction: Transaction) {
    return this.users.findByPk(id, { attributes: ['id', 'name', 'email', 'status', 'role', 'companyId', 'companyAdmin'], transaction, lock: transaction.LOCK.UPDATE });
  }

  /** Moves a customer; their tickets follow them, so the company's history is where the person is. Returns how many tickets moved. */
  async moveCustomer(userId: number, companyId: number | null, transaction: Transaction): Promise<number> {
    await this.users.update({ companyId, companyAdmin: false }, { where: { id: userId }, transaction });
    const [, meta] = (await this.sequelize.query('UPDATE tickets SET company_id = ? WHERE requester_id = ?', {
      replacements: [companyId, userId],
      transaction,
    })) as unknown as [unknown, { affectedRows?: number }];
    return meta?.affectedRows ?? 0;
  }

  /** The account that already has this email, locked, if any. */
  async lockUserByEmail(email: string, transaction: Transaction) {
    const rows = await this.sequelize.query<{ id: number; status: string; role: string; companyId: number | null }>(
      'SELECT id, status, role, company_id AS companyId FROM users WHERE email = ? FOR UPDATE',
      { replacements: [email], type: QueryTypes.SELECT, transaction },
    );
    return rows[0] ?? null;
  }

  /**
   * A pending customer of the company (created, or the one invited before) and a new invitation row;
   * earlier links of that person stop working. They cannot sign in until they accept.
   */
  async invite(data: { userId: number | null; companyId: number; email: string; name: string; invitedBy: number; expiresAt: Date }, transaction: Transaction) {
    let userId = data.userId;
    if (userId) {
      await this.sequelize.query('UPDATE invitations SET expires_at = CURRENT_TIMESTAMP(3) WHERE user_id = ? AND accepted_at IS NULL', { replacements: [userId], transaction });
      await this.sequelize.query('UPDATE users SET name = ? WHERE id = ?', { replacements: [data.name, userId], transaction });
    } else {
      const [id] = (await this.sequelize.query("INSERT INTO users (email, name, role, status, company_id) VALUES (?, ?, 'customer', 'pending', ?)", {
        replacements: [data.email, data.name, data.companyId],
        type: QueryTypes.INSERT,
        transaction,
      })) as unknown as [number];
      userId = Number(id);
    }
    const [id] = (await this.sequelize.query('INSERT INTO invitations (user_id, invited_by, expires_at) VALUES (?, ?, ?)', {
      replacements: [userId, data.invitedBy, data.expiresAt],
      type: QueryTypes.INSERT,
      transaction,
    })) as unknown as [number];
    return { id: Number(id), userId };
  }

  async setCompanyAdmin(userId: number, companyAdmin: boolean, transaction: Transaction) {
    await this.users.update({ companyAdmin }, { where: { id: userId }, transaction });
  }
}
