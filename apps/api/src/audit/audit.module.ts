import { Module } from '@nestjs/common';
import { SequelizeModule } from '@nestjs/sequelize';
import { AuditEntryModel } from './audit-entry.model.js';
import { AuditRepository } from './audit.repository.js';

@Module({
  imports: [SequelizeModule.forFeature([AuditEntryModel])],
  providers: [AuditRepository],
  exports: [AuditRepository],
})
export class AuditModule {}
