import { CreateArticleHandler } from './create-article/create-article.handler.js';
import { DeflectHandler } from './deflect/deflect.handler.js';
import { DraftFromTicketHandler } from './draft-from-ticket/draft-from-ticket.handler.js';
import { RateArticleHandler } from './rate-article/rate-article.handler.js';
import { RecordViewHandler } from './record-view/record-view.handler.js';
import { RestoreVersionHandler } from './restore-version/restore-version.handler.js';
import { ReorderCategoriesHandler } from './reorder-categories/reorder-categories.handler.js';
import { SaveCategoryHandler } from './save-category/save-category.handler.js';
import { SetArticleStateHandler } from './set-article-state/set-article-state.handler.js';
import { UpdateArticleHandler } from './update-article/update-article.handler.js';

export const KbCommandHandlers = [
  CreateArticleHandler,
  UpdateArticleHandler,
  SetArticleStateHandler,
  RestoreVersionHandler,
  SaveCategoryHandler,
  RateArticleHandler,
  RecordViewHandler,
  DeflectHandler,
  DraftFromTicketHandler,
  ReorderCategoriesHandler,
];
