import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { AttachmentErrors } from '../attachments.errors.js';

export interface IncomingFile {
  stream: Readable;
  filename: string;
  mimeType: string;
}

/**
 * Streams the `file` parts of a multipart request to `onFile`, one by one as they arrive, and
 * resolves with its results. On the first failure it stops parsing, drains what the client still
 * sends (so it can read the answer) and rejects with that failure. Other parts are skipped.
 */
export function receiveFiles<T>(req: IncomingMessage, maxFiles: number, onFile: (file: IncomingFile) => Promise<T>): Promise<T[]> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: maxFiles, fields: 50, fieldSize: 64 * 1024 } });
    } catch {
      req.resume();
      return reject(AttachmentErrors.notMultipart());
    }
    const pending: Promise<T>[] = [];
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume();
      reject(error);
    };

    parser.on('file', (field, stream, info) => {
      if (failed || field !== 'file') {
        stream.resume();
        return;
      }
      const result = onFile({ stream, filename: info.filename ?? '', mimeType: info.mimeType ?? '' });
      result.catch(fail);
      pending.push(result);
    });
    parser.on('filesLimit', () => fail(AttachmentErrors.tooManyFiles(maxFiles)));
    parser.on('error', () => fail(AttachmentErrors.notMultipart()));
    parser.on('close', () => {
      Promise.all(pending).then((results) => {
        if (!failed) resolve(results);
      }, fail);
    });
    req.on('error', fail);
    req.pipe(parser);
  });
}
