import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SequelizeModule } from '@nestjs/sequelize';
import { AuditModule } from '../audit/audit.module.js';
import { UserModel } from '../users/user.model.js';
import { CatalogRepository } from './catalog.repository.js';
import { CatalogRouter } from './catalog.router.js';
import { SaveIssueTypeHandler } from './commands/save-issue-type/save-issue-type.handler.js';
import { SaveNamedHandler } from './commands/save-named/save-named.handler.js';
import { CustomFieldModel } from './custom-field.model.js';
import { IssueTypeModel } from './issue-type.model.js';
import { CategoryModel, TagModel, TeamModel } from './named.models.js';
import { GetCatalogHandler } from './queries/get-catalog/get-catalog.handler.js';

/** Exports its repository: the tickets module validates types, fields, categories and teams against it. */
@Module({
  imports: [
    CqrsModule,
    SequelizeModule.forFeature([IssueTypeModel, CustomFieldModel, CategoryModel, TeamModel, TagModel, UserModel]),
    AuditModule,
  ],
  providers: [CatalogRepository, CatalogRouter, GetCatalogHandler, SaveIssueTypeHandler, SaveNamedHandler],
  exports: [CatalogRouter, CatalogRepository],
})
export class CatalogModule {}
