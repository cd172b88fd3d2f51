import { zUploadedAttachments } from '@switchboard/contracts';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';

const zError = z.object({
  message: z.string(),
  code: z.string(),
  data: z.object({ fieldErrors: z.record(z.string(), z.string()).optional(), domainCode: z.string().optional() }).optional(),
});
const error = (description: string) => ({ description, content: { 'application/json': { schema: zError } } });
const security = [{ Authorization: [] }];

/**
 * The two attachment routes are plain HTTP (multipart in, bytes out), so trpc-to-openapi cannot
 * describe them from a procedure; mount.ts merges these paths into the generated document.
 */
export const attachmentsOpenApiPaths: ZodOpenApiPathsObject = {
  '/attachments': {
    post: {
      operationId: 'attachments-upload',
      tags: ['attachments'],
      summary: 'Upload files; pass the returned ids as attachmentIds to POST /tickets or POST /tickets/{id}/replies',
      description:
        'multipart/form-data with one or more parts named `file` (at most 10). Each file is checked while it streams in: past ' +
        'ATTACHMENT_MAX_BYTES the answer is 413, a type outside ATTACHMENT_TYPES (decided from the bytes, not the declared type) is 400. ' +
        'Uploads not attached to a ticket, reply or note within a day may be deleted.',
      security,
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: z.object({ file: z.array(z.string().meta({ format: 'binary' })) }),
          },
        },
      },
      responses: {
        '201': { description: 'The stored files', content: { 'application/json': { schema: zUploadedAttachments } } },
        '400': error('No file part, not multipart, too many files, an empty file, or a type that is not accepted'),
        '401': error('No valid bearer token'),
        '413': error('A file is larger than the limit'),
      },
    },
  },
  '/attachments/{id}': {
    get: {
      operationId: 'attachments-download',
      tags: ['attachments'],
      summary: "An attachment's bytes, with the access rules of its ticket (internal-note files are staff only)",
      security,
      requestParams: { path: z.object({ id: z.coerce.number().int().positive() }) },
      responses: {
        '200': {
          description: 'The file: images inline, anything else as a download (Content-Disposition)',
          content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
        },
        '401': error('No valid bearer token'),
        '404': error('No such attachment, or not yours to read'),
      },
    },
  },
};
