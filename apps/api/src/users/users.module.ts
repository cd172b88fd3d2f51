import { Module } from '@nestjs/common';
import { SequelizeModule } from '@nestjs/sequelize';
import { CompanyModel } from './company.model.js';
import { UserModel } from './user.model.js';
import { UserRepository } from './user.repository.js';
import { SystemActor } from './system-actor.js';

@Module({
  imports: [SequelizeModule.forFeature([UserModel, CompanyModel])],
  providers: [UserRepository, SystemActor],
  exports: [UserRepository, SystemActor],
})
export class UsersModule {}
