import { DomainError } from '../common/domain-error.js';

export enum CatalogErrorCode {
  NotFound = 'CATALOG_NOT_FOUND',
  NameTaken = 'CATALOG_NAME_TAKEN',
  Forbidden = 'CATALOG_FORBIDDEN',
  InvalidField = 'CATALOG_INVALID_FIELD',
}

export const CatalogErrors = {
  notFound: (what: string, id: number, field: string) =>
    new DomainError('bad_request', CatalogErrorCode.NotFound, `${field}: there is no ${what} ${id}`, field),
  nameTaken: (what: string, name: string) =>
    new DomainError('conflict', CatalogErrorCode.NameTaken, `name: a ${what} named "${name}" already exists`, 'name'),
  forbidden: () => new DomainError('forbidden', CatalogErrorCode.Forbidden, 'Only admins may change issue types, categories and teams'),
  invalidField: (path: string, message: string) =>
    new DomainError('bad_request', CatalogErrorCode.InvalidField, `${path}: ${message}`, path),
};
