import { Injectable } from '@nestjs/common';
import type { CustomFieldValue } from '@switchboard/contracts';
import type { Transaction } from 'sequelize';
import { toCustomField } from '../catalog/catalog.mapper.js';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import type { IssueTypeModel } from '../catalog/issue-type.model.js';
import { validateFieldValues } from './custom-field-values.js';
import { TicketErrors } from './tickets.errors.js';

/** Checks what a ticket points at (issue type, category, team, assignee) and its custom field values. */
@Injectable()
export class TicketReferences {
  constructor(private readonly catalog: CatalogRepository) {}

  async issueType(id: number, options: { forCustomer: boolean; transaction?: Transaction }): Promise<IssueTypeModel> {
    const type = await this.catalog.issueType(id, options.transaction);
    if (!type || (options.forCustomer && !type.active)) throw TicketErrors.invalidReference('issueTypeId', `there is no issue type ${id}`);
    return type;
  }

  async category(id: number, transaction?: Transaction) {
    const category = await this.catalog.category(id, transaction);
    if (!category) throw TicketErrors.invalidReference('categoryId', `there is no category ${id}`);
    return category;
  }

  async team(id: number, transaction?: Transaction) {
    const team = await this.catalog.team(id, transaction);
    if (!team) throw TicketErrors.invalidReference('teamId', `there is no team ${id}`);
    return team;
  }

  async assignee(id: number, transaction?: Transaction) {
    const user = await this.catalog.staffMember(id, transaction);
    if (!user) throw TicketErrors.invalidReference('assigneeId', `user ${id} is not an agent`);
    return user;
  }

  /** Field rows for the values given; `customFields` without an issue type is an error naming the field. */
  fieldRows(
    type: IssueTypeModel | null,
    values: Record<string, CustomFieldValue> | undefined,
    options: { requireAll: boolean; customer: boolean },
  ) {
    if (!type) {
      if (values && Object.keys(values).length > 0) {
        throw TicketErrors.invalidReference('customFields', 'choose an issue type before setting custom fields');
      }
      return new Map();
    }
    const fields = (type.fields ?? []).filter((f) => !f.retired).map(toCustomField);
    return validateFieldValues(fields, values ?? {}, options);
  }
}
