import { Module } from '@nestjs/common';
import { SequelizeModule } from '@nestjs/sequelize';
import { CompanyModel } from './company.model.js';
import { UserModel } from './user.model.js';
import { UserRepository } from './user.repository.js';

@Module({
  imports: [SequelizeModule.forFeature([UserModel, CompanyModel])],
  providers: [UserRepository],
  exports: [UserRepository],
})
export class UsersModule {}
