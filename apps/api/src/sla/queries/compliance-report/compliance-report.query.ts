import { Query } from '@nestjs/cqrs';
import type { ComplianceInput, ComplianceRow } from '@switchboard/contracts';

/** SLA compliance (met / decided) grouped by policy, team, agent, company or month of the due time. */
export class ComplianceReportQuery extends Query<ComplianceRow[]> {
  constructor(readonly input: ComplianceInput) {
    super();
  }
}
