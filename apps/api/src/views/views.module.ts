import { Module } from '@nestjs/common';
import { SequelizeModule } from '@nestjs/sequelize';
import { UserModel } from '../users/user.model.js';
import { SavedViewModel } from './saved-view.model.js';
import { ViewsRouter } from './views.router.js';
import { ViewsService } from './views.service.js';

@Module({
  imports: [SequelizeModule.forFeature([SavedViewModel, UserModel])],
  providers: [ViewsService, ViewsRouter],
  exports: [ViewsRouter],
})
export class ViewsModule {}
