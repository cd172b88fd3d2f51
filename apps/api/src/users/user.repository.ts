import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import { Op, type Transaction } from 'sequelize';
import { CompanyModel } from './company.model.js';
import { UserModel } from './user.model.js';

@Injectable()
export class UserRepository {
  constructor(
    @InjectModel(UserModel) private readonly users: typeof UserModel,
    @InjectModel(CompanyModel) private readonly companies: typeof CompanyModel,
  ) {}

  findByEmail(email: string, transaction?: Transaction) {
    return this.users.findOne({ where: { email }, include: [CompanyModel], transaction });
  }

  findById(id: number, transaction?: Transaction) {
    return this.users.findByPk(id, { include: [CompanyModel], transaction });
  }

  /** The company that claims this email's domain, if any (mail from acme.test links to Acme). */
  findCompanyByEmailDomain(email: string, transaction?: Transaction) {
    const domain = email.split('@')[1]?.toLowerCase();
    if (!domain) return Promise.resolve(null);
    return this.companies.findOne({ where: { domain }, transaction });
  }

  /** Staff (agents, managers, admins) whose email starts with one of these prefixes; never customers. */
  findStaffByEmailPrefixes(prefixes: readonly string[], transaction?: Transaction) {
    if (prefixes.length === 0) return Promise.resolve([]);
    const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');
    return this.users.findAll({
      attributes: ['id', 'name', 'email'],
      where: {
        role: { [Op.in]: ['agent', 'manager', 'admin'] },
        [Op.or]: prefixes.map((p) => ({ email: { [Op.like]: `${escapeLike(p)}%` } })),
      },
      transaction,
    });
  }

  async create(
    data: { email: string; name: string; passwordHash: string | null; role: UserModel['role']; companyId: number | null },
    transaction: Transaction,
  ) {
    const user = await this.users.create(data, { transaction });
    return (await this.findById(user.id, transaction))!;
  }
}
