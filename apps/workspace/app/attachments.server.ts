import { unstable_parseMultipartFormData } from '@remix-run/node';
import { attachmentMaxBytes, collectUploads, formatLimit, uploadAttachments, type UploadResult } from '@switchboard/trpc-client';
import { config } from './config.server';

/** The same ATTACHMENT_MAX_BYTES the API enforces: a file past it is refused here before it travels on. */
export const ATTACHMENT_MAX_BYTES = attachmentMaxBytes();
export const FILE_LIMIT = formatLimit(ATTACHMENT_MAX_BYTES);

export interface PostedForm {
  form: FormData;
  files: File[];
  /** Names of files past the limit, which were read and dropped. */
  tooLarge: string[];
}

/** Reads a form posted with or without files; files are held in memory, each at most ATTACHMENT_MAX_BYTES. */
export async function readPostedForm(request: Request): Promise<PostedForm> {
  if (!request.headers.get('content-type')?.startsWith('multipart/form-data')) {
    return { form: await request.formData(), files: [], tooLarge: [] };
  }
  const uploads = collectUploads(ATTACHMENT_MAX_BYTES, 'files');
  const form = await unstable_parseMultipartFormData(request, uploads.handler);
  return { form, files: uploads.files, tooLarge: uploads.tooLarge };
}

export function tooLargeMessage(names: string[]): string {
  return `“${names[0]}” is larger than the limit of ${FILE_LIMIT}.`;
}

export function uploadFiles(request: Request, token: string, files: File[]): Promise<UploadResult> {
  return uploadAttachments({ url: config.apiUrl, token, forwardedFor: request.headers.get('x-forwarded-for') }, files);
}
