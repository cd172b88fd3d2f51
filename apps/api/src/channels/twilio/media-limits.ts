import type { Channel } from '@switchboard/contracts';
import { DomainError } from '../../common/domain-error.js';

/** How many files one message may carry: Twilio takes 10 media per MMS, WhatsApp one. */
export const MEDIA_PER_MESSAGE: Partial<Record<Channel, number>> = { sms: 10, whatsapp: 1 };

/**
 * A public reply on an SMS or WhatsApp ticket goes out as one message: more files than the channel
 * carries would be dropped on the way, so the reply is refused with the reason instead.
 */
export function assertMediaFits(channel: Channel, files: number) {
  const max = MEDIA_PER_MESSAGE[channel];
  if (max === undefined || files <= max) return;
  const name = channel === 'whatsapp' ? 'WhatsApp' : 'An SMS';
  throw new DomainError(
    'bad_request',
    'TOO_MANY_FILES_FOR_CHANNEL',
    `attachmentIds: ${name} carries at most ${max} file${max === 1 ? '' : 's'} per message; send the others in another reply`,
    'attachmentIds',
  );
}
