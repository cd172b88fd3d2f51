import { DomainError } from '../common/domain-error.js';

export enum ChatErrorCode {
  ChatNotFound = 'CHAT_NOT_FOUND',
  CompanyNotFound = 'CHAT_COMPANY_NOT_FOUND',
  ChatDisabled = 'CHAT_DISABLED',
  BadToken = 'CHAT_BAD_TOKEN',
  SignatureRequired = 'CHAT_SIGNATURE_REQUIRED',
  BadSignature = 'CHAT_BAD_SIGNATURE',
  NoSecret = 'CHAT_NO_SECRET',
  Ended = 'CHAT_ENDED',
  TakenByOther = 'CHAT_TAKEN',
  NotAgent = 'CHAT_NOT_AGENT',
  TitleTaken = 'CHAT_CANNED_TITLE_TAKEN',
  NoCategory = 'CHAT_NO_CATEGORY',
}

export const ChatErrors = {
  /** Also when the caller may not see it, and when the visitor token does not fit: ids reveal nothing. */
  notFound: (id: number) => new DomainError('not_found', ChatErrorCode.ChatNotFound, `chatId: chat ${id} was not found`, 'chatId'),
  companyNotFound: (id: number) => new DomainError('not_found', ChatErrorCode.CompanyNotFound, `company: company ${id} has no chat`, 'company'),
  disabled: (id: number) => new DomainError('not_found', ChatErrorCode.ChatDisabled, `company: chat is not enabled for company ${id}`, 'company'),
  badToken: () => new DomainError('unauthorized', ChatErrorCode.BadToken, 'token: the chat token is missing or does not belong to this chat', 'token'),
  signatureRequired: () =>
    new DomainError('bad_request', ChatErrorCode.SignatureRequired, 'signature: is required with userId (HMAC-SHA256 of the user id, hex)', 'signature'),
  badSignature: () => new DomainError('unauthorized', ChatErrorCode.BadSignature, 'signature: does not match the user id', 'signature'),
  noSecret: () => new DomainError('unauthorized', ChatErrorCode.NoSecret, 'signature: this company accepts no identified visitors (no chat secret set)', 'signature'),
  ended: (id: number) => new DomainError('conflict', ChatErrorCode.Ended, `chatId: chat ${id} has ended`, 'chatId'),
  takenByOther: (name: string) => new DomainError('conflict', ChatErrorCode.TakenByOther, `chatId: ${name} is already in this chat`, 'chatId'),
  notAgent: (field: string) => new DomainError('bad_request', ChatErrorCode.NotAgent, `${field}: is not an active staff member or team`, field),
  noCategory: (id: number) => new DomainError('bad_request', ChatErrorCode.NoCategory, `categoryId: there is no category ${id}`, 'categoryId'),
  titleTaken: () => new DomainError('conflict', ChatErrorCode.TitleTaken, 'title: a canned reply with this title exists', 'title'),
};
