import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { UsersModule } from '../users/users.module.js';
import { AgentProfileRepository } from './agent-profile.repository.js';
import { PeopleCommandHandlers } from './commands/index.js';
import { InvitationRepository } from './invitation.repository.js';
import { PeopleRouter } from './people.router.js';
import { PeopleQueryHandlers } from './queries/index.js';
import { SkillRepository } from './skill.repository.js';
import { TeamRepository } from './team.repository.js';

/** Staff: profiles, availability, skills, teams and invitations. */
@Module({
  imports: [CqrsModule, AuditModule, OutboxModule, UsersModule, AuthModule],
  providers: [AgentProfileRepository, SkillRepository, TeamRepository, InvitationRepository, PeopleRouter, ...PeopleCommandHandlers, ...PeopleQueryHandlers],
  exports: [PeopleRouter],
})
export class PeopleModule {}
