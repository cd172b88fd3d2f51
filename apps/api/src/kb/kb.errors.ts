import { DomainError } from '../common/domain-error.js';

export enum KbErrorCode {
  ArticleNotFound = 'KB_ARTICLE_NOT_FOUND',
  CategoryNotFound = 'KB_CATEGORY_NOT_FOUND',
  VersionNotFound = 'KB_VERSION_NOT_FOUND',
  StaleVersion = 'KB_STALE_VERSION',
  CompanyRequired = 'KB_COMPANY_REQUIRED',
  CompanyNotFound = 'KB_COMPANY_NOT_FOUND',
  PublishForbidden = 'KB_PUBLISH_FORBIDDEN',
  PublishAtRequired = 'KB_PUBLISH_AT_REQUIRED',
  TranslationExists = 'KB_TRANSLATION_EXISTS',
  SlugTaken = 'KB_SLUG_TAKEN',
  CategoryCycle = 'KB_CATEGORY_CYCLE',
  TicketNotResolved = 'KB_TICKET_NOT_RESOLVED',
  TicketNotFound = 'KB_TICKET_NOT_FOUND',
}

export const KbErrors = {
  /** Also when the reader may not see it: ids and slugs reveal nothing. */
  articleNotFound: (ref: number | string) => new DomainError('not_found', KbErrorCode.ArticleNotFound, `Article ${ref} was not found`),
  categoryNotFound: (id: number | string, field = 'categoryId') =>
    new DomainError('not_found', KbErrorCode.CategoryNotFound, `${field}: category ${id} was not found`, field),
  versionNotFound: (n: number, field = 'number') =>
    new DomainError('not_found', KbErrorCode.VersionNotFound, `${field}: version ${n} was not found`, field),
  stale: (by: string | null) =>
    new DomainError(
      'conflict',
      KbErrorCode.StaleVersion,
      `version: the article was changed${by ? ` by ${by}` : ''} since you opened it; reload to see the changes`,
      'version',
    ),
  companyRequired: () =>
    new DomainError('bad_request', KbErrorCode.CompanyRequired, 'companyId: is required when the visibility is company', 'companyId'),
  companyNotFound: (id: number) =>
    new DomainError('bad_request', KbErrorCode.CompanyNotFound, `companyId: company ${id} was not found`, 'companyId'),
  publishForbidden: (category: string) =>
    new DomainError('forbidden', KbErrorCode.PublishForbidden, `state: only managers may publish or change live articles in “${category}”`, 'state'),
  publishAtRequired: () =>
    new DomainError('bad_request', KbErrorCode.PublishAtRequired, 'publishAt: is required, in the future, to schedule', 'publishAt'),
  translationExists: (locale: string) =>
    new DomainError('conflict', KbErrorCode.TranslationExists, `locale: there already is a ${locale} version of this article`, 'locale'),
  slugTaken: (slug: string) => new DomainError('conflict', KbErrorCode.SlugTaken, `slug: “${slug}” is taken`, 'slug'),
  categoryCycle: () =>
    new DomainError('bad_request', KbErrorCode.CategoryCycle, 'parentId: a category cannot sit below itself', 'parentId'),
  ticketNotFound: (id: number) =>
    new DomainError('not_found', KbErrorCode.TicketNotFound, `ticketId: ticket #${id} was not found`, 'ticketId'),
  ticketNotResolved: (id: number) =>
    new DomainError('bad_request', KbErrorCode.TicketNotResolved, `ticketId: ticket #${id} is not resolved or closed`, 'ticketId'),
};
