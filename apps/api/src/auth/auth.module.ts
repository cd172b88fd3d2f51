import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PassportModule } from '@nestjs/passport';
import { SequelizeModule } from '@nestjs/sequelize';
import { AuditModule } from '../audit/audit.module.js';
import { UsersModule } from '../users/users.module.js';
import { AuthTokenModel } from './auth-token.model.js';
import { AuthTokenRepository } from './auth-token.repository.js';
import { AuthRouter } from './auth.router.js';
import { BearerStrategy } from './bearer.strategy.js';
import { AuthCommandHandlers } from './commands/index.js';
import { TokenService } from './token.service.js';

@Module({
  imports: [CqrsModule, PassportModule, SequelizeModule.forFeature([AuthTokenModel]), UsersModule, AuditModule],
  providers: [AuthTokenRepository, TokenService, BearerStrategy, AuthRouter, ...AuthCommandHandlers],
  exports: [AuthRouter, TokenService],
})
export class AuthModule {}
