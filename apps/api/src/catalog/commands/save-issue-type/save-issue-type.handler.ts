import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { checkWorkflow, gridOf, type IssueType } from '@switchboard/contracts';
import { UniqueConstraintError } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { toIssueType } from '../../catalog.mapper.js';
import { CatalogErrors } from '../../catalog.errors.js';
import { CatalogRepository } from '../../catalog.repository.js';
import { SaveIssueTypeCommand } from './save-issue-type.command.js';

@CommandHandler(SaveIssueTypeCommand)
export class SaveIssueTypeHandler implements ICommandHandler<SaveIssueTypeCommand, IssueType> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly catalog: CatalogRepository,
    private readonly audit: AuditRepository,
  ) {}

  async execute({ actor, input }: SaveIssueTypeCommand): Promise<IssueType> {
    if (actor.ability.cannot('manage', 'Catalog')) throw CatalogErrors.forbidden();
    this.validateFields(input.fields);
    // The same check the workspace editor runs: a workflow in which no ticket could ever be finished is refused.
    const workflowError = input.transitions ? checkWorkflow(gridOf(input.transitions)).error : undefined;
    if (workflowError) throw CatalogErrors.invalidField('transitions', workflowError);
    try {
      const id = await this.sequelize.transaction(async (transaction) => {
        const before = input.id ? await this.catalog.issueType(input.id, transaction) : null;
        if (input.id && !before) throw CatalogErrors.notFound('issue type', input.id, 'id');
        const savedId = await this.catalog.saveIssueType(
          { id: input.id, name: input.name, description: input.description, active: input.active, transitions: input.transitions },
          input.fields as never,
          transaction,
        );
        await this.audit.record(
          actor,
          {
            action: input.id ? 'issue_type.updated' : 'issue_type.created',
            subjectType: 'IssueType',
            subjectId: savedId,
            before: before ? toIssueType(before, false) : undefined,
            after: input,
          },
          transaction,
        );
        return savedId;
      });
      return toIssueType((await this.catalog.issueType(id))!, false);
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw CatalogErrors.nameTaken('issue type', input.name);
      throw error;
    }
  }

  private validateFields(fields: SaveIssueTypeCommand['input']['fields']) {
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (seen.has(f.key)) throw CatalogErrors.invalidField(`fields.${i}.key`, `"${f.key}" is used twice`);
      seen.add(f.key);
      const select = f.kind === 'single_select' || f.kind === 'multi_select';
      if (select && (f.options ?? []).length === 0) throw CatalogErrors.invalidField(`fields.${i}.options`, 'a select needs at least one option');
      if (!select && (f.options ?? []).length > 0) throw CatalogErrors.invalidField(`fields.${i}.options`, 'only selects have options');
    });
  }
}
