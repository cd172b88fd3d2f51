import { Injectable } from '@nestjs/common';
import type { SecuritySettings } from '@switchboard/contracts';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

/** The one row of security_settings (the migration creates it). */
@Injectable()
export class SecuritySettingsRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async get(transaction?: Transaction): Promise<SecuritySettings> {
    const [row] = await this.sequelize.query<{ roles: string }>('SELECT two_factor_roles AS roles FROM security_settings WHERE id = 1', {
      type: QueryTypes.SELECT,
      transaction,
    });
    return { twoFactorRoles: (row?.roles ?? '').split(',').filter(Boolean) as SecuritySettings['twoFactorRoles'] };
  }

  async save(settings: SecuritySettings, userId: number, transaction: Transaction) {
    await this.sequelize.query(
      'UPDATE security_settings SET two_factor_roles = ?, updated_by = ?, updated_at = CURRENT_TIMESTAMP(3) WHERE id = 1',
      { replacements: [[...new Set(settings.twoFactorRoles)].sort().join(','), userId], transaction },
    );
  }
}
