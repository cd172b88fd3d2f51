import { attachmentMaxBytes, collectUploads, formatLimit, uploadAttachments, type MultipartPart, type UploadResult } from './attachments.js';

export interface PostedForm {
  form: FormData;
  files: File[];
  /** Names of files past the limit, which were read and dropped. */
  tooLarge: string[];
}

/** Remix's multipart parser (`unstable_parseMultipartFormData`), passed in so this lib does not depend on Remix. */
export type MultipartParser = (
  request: Request,
  handler: (part: MultipartPart) => Promise<string | undefined>,
) => Promise<FormData>;

/**
 * What both web apps need to accept files in a form and hand them to the API: the same
 * ATTACHMENT_MAX_BYTES the API enforces (a larger file is refused before it travels on), a reader
 * for forms posted with or without files, and the upload call with the signed-in user's token.
 */
export function attachmentForms(options: { apiUrl: string; parseMultipart: MultipartParser }) {
  const maxBytes = attachmentMaxBytes();
  const limit = formatLimit(maxBytes);
  return {
    maxBytes,
    /** "10 MB", for the file picker's hint. */
    limit,
    /** Files are held in memory, each at most maxBytes. */
    async readPostedForm(request: Request): Promise<PostedForm> {
      if (!request.headers.get('content-type')?.startsWith('multipart/form-data')) {
        return { form: await request.formData(), files: [], tooLarge: [] };
      }
      const uploads = collectUploads(maxBytes, 'files');
      const form = await options.parseMultipart(request, uploads.handler);
      return { form, files: uploads.files, tooLarge: uploads.tooLarge };
    },
    tooLargeMessage(names: string[]): string {
      return `“${names[0]}” is larger than the limit of ${limit}.`;
    },
    uploadFiles(request: Request, token: string, files: File[]): Promise<UploadResult> {
      return uploadAttachments({ url: options.apiUrl, token, forwardedFor: request.headers.get('x-forwarded-for'), userAgent: request.headers.get('user-agent') }, files);
    },
  };
}
