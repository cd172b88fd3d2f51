import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import { Op } from 'sequelize';
import { CompanyModel } from '../users/company.model.js';
import { UserModel } from '../users/user.model.js';
import { AuthTokenModel } from './auth-token.model.js';

@Injectable()
export class AuthTokenRepository {
  constructor(@InjectModel(AuthTokenModel) private readonly tokens: typeof AuthTokenModel) {}

  create(data: { userId: number; tokenHash: string; expiresAt: Date; ip: string | null; userAgent: string | null }) {
    return this.tokens.create(data);
  }

  /** The live token with this hash and its user, or null when unknown, revoked or expired. */
  findLive(tokenHash: string) {
    return this.tokens.findOne({
      where: { tokenHash, revokedAt: null, expiresAt: { [Op.gt]: new Date() } },
      include: [{ model: UserModel, include: [CompanyModel] }],
    });
  }

  async revoke(tokenHash: string) {
    const [count] = await this.tokens.update({ revokedAt: new Date() }, { where: { tokenHash, revokedAt: null } });
    return count;
  }
}
