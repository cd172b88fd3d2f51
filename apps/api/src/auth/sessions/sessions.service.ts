import { subject } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import type { Session } from '@switchboard/contracts';
import { Op } from 'sequelize';
import { accessibleWhere } from '../../access/accessible-where.js';
import type { Actor } from '../../common/actor.js';
import { AuthTokenModel } from '../auth-token.model.js';
import { AuthErrors } from '../auth.errors.js';
import { TokenService } from '../token.service.js';

/** The signed-in user's sessions (live bearer tokens): list, revoke one, revoke all but this one. */
@Injectable()
export class SessionsService {
  constructor(@InjectModel(AuthTokenModel) private readonly tokens: typeof AuthTokenModel) {}

  async list(actor: Actor, currentToken: string | null): Promise<Session[]> {
    const visible = accessibleWhere(actor.ability, 'read', 'Session');
    if (!visible) return [];
    const currentHash = currentToken ? TokenService.hash(currentToken) : null;
    const rows = await this.tokens.findAll({
      // Own sessions only, also for admins: this is "my sessions", not a user directory.
      where: { [Op.and]: [visible, { userId: actor.user.id, revokedAt: null, expiresAt: { [Op.gt]: new Date() } }] },
      order: [['id', 'DESC']],
      limit: 200,
    });
    return rows.map((t) => ({
      id: Number(t.id),
      createdAt: t.createdAt.toISOString(),
      expiresAt: t.expiresAt.toISOString(),
      ip: t.ip,
      userAgent: t.userAgent,
      current: t.tokenHash === currentHash,
    }));
  }

  async revoke(actor: Actor, id: number) {
    const row = await this.tokens.findByPk(id);
    if (!row || row.revokedAt || actor.ability.cannot('read', subject('Session', { userId: row.userId }))) {
      throw AuthErrors.sessionNotFound(id);
    }
    if (actor.ability.cannot('manage', subject('Session', { userId: row.userId }))) throw AuthErrors.forbidden('revoke this session');
    await this.tokens.update({ revokedAt: new Date() }, { where: { id, revokedAt: null } });
  }

  /** Signs out everywhere else; returns how many sessions ended. */
  async revokeOthers(actor: Actor, currentToken: string | null): Promise<number> {
    const currentHash = currentToken ? TokenService.hash(currentToken) : '';
    const [count] = await this.tokens.update(
      { revokedAt: new Date() },
      { where: { userId: actor.user.id, revokedAt: null, tokenHash: { [Op.ne]: currentHash } } },
    );
    return count;
  }
}
