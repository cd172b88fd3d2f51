import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Named } from '@switchboard/contracts';
import { UniqueConstraintError } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { CatalogErrors } from '../../catalog.errors.js';
import { CatalogRepository } from '../../catalog.repository.js';
import { SaveNamedCommand } from './save-named.command.js';

@CommandHandler(SaveNamedCommand)
export class SaveNamedHandler implements ICommandHandler<SaveNamedCommand, Named> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly catalog: CatalogRepository,
    private readonly audit: AuditRepository,
  ) {}

  async execute({ actor, kind, input }: SaveNamedCommand): Promise<Named> {
    if (actor.ability.cannot('manage', 'Catalog')) throw CatalogErrors.forbidden();
    if (input.id && !(await this.catalog.namedExists(kind, input.id))) throw CatalogErrors.notFound(kind, input.id, 'id');
    try {
      const id = await this.sequelize.transaction(async (transaction) => {
        const savedId = await this.catalog.saveNamed(kind, input, transaction);
        await this.audit.record(
          actor,
          { action: `${kind}.${input.id ? 'renamed' : 'created'}`, subjectType: kind === 'team' ? 'Team' : 'Category', subjectId: savedId, after: input },
          transaction,
        );
        return savedId;
      });
      return { id, name: input.name };
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw CatalogErrors.nameTaken(kind, input.name);
      throw error;
    }
  }
}
