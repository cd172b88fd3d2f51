import { unstable_parseMultipartFormData } from '@remix-run/node';
import { attachmentForms } from '@switchboard/trpc-client';
import { config } from './config.server';

/** Accepting files in forms, with the API's own limit; shared with the other app through the client lib. */
const forms = attachmentForms({ apiUrl: config.apiUrl, parseMultipart: unstable_parseMultipartFormData });

export const ATTACHMENT_MAX_BYTES = forms.maxBytes;
/** "10 MB", for the file picker's hint. */
export const FILE_LIMIT = forms.limit;
export const { readPostedForm, tooLargeMessage, uploadFiles } = forms;
