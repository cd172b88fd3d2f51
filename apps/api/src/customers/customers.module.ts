import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '../audit/audit.module.js';
import { AddCustomerNoteHandler } from './commands/add-customer-note/add-customer-note.handler.js';
import { CustomerProfileRepository } from './customer-profile.repository.js';
import { CustomersRouter } from './customers.router.js';
import { GetCustomerProfileHandler } from './queries/get-customer-profile/get-customer-profile.handler.js';

/** The CRM view of customers for staff: profile and notes (docs/decisions/017-field-rules-and-customer-profiles.md). */
@Module({
  imports: [CqrsModule, AuditModule],
  providers: [CustomerProfileRepository, CustomersRouter, GetCustomerProfileHandler, AddCustomerNoteHandler],
  exports: [CustomersRouter],
})
export class CustomersModule {}
