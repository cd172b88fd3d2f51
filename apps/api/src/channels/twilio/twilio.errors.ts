import { DomainError } from '../../common/domain-error.js';

export enum TwilioErrorCode {
  Forbidden = 'TWILIO_FORBIDDEN',
  InvalidPhone = 'TWILIO_INVALID_PHONE',
  NoCustomerPhone = 'TWILIO_NO_CUSTOMER_PHONE',
  InvalidSetting = 'TWILIO_INVALID_SETTING',
  InvalidTemplate = 'TWILIO_INVALID_TEMPLATE',
  Busy = 'TWILIO_CALLBACK_BUSY',
}

export const TwilioErrors = {
  forbidden: (what: string) => new DomainError('forbidden', TwilioErrorCode.Forbidden, `You may not ${what}`),
  invalidPhone: (field: string) =>
    new DomainError('bad_request', TwilioErrorCode.InvalidPhone, `${field}: must be a phone number with its country code, such as +49 151 12345678`, field),
  noCustomerPhone: (ticketId: number) =>
    new DomainError('bad_request', TwilioErrorCode.NoCustomerPhone, `id: the requester of ticket #${ticketId} has no phone number on file`, 'id'),
  invalidTemplate: (field: string, problem: string) => new DomainError('bad_request', TwilioErrorCode.InvalidTemplate, `${field}: ${problem}`, field),
  busy: () => new DomainError('conflict', TwilioErrorCode.Busy, 'Your callback request is still being recorded; try again in a moment'),
};

export const invalidSetting = (field: string, problem: string) =>
  new DomainError('bad_request', TwilioErrorCode.InvalidSetting, `${field}: ${problem}`, field);
