import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { PayloadTooLargeError } from '@socialmakers/service-kit';

const LIMIT_BYTES = 10 * 1024 * 1024;

/**
 * Reads a text/csv body into request.body as a string (the platform parses only JSON). A sheet of
 * 20,000 rows is about 2 MB; 10 MB leaves room and still bounds what one request can hold in memory.
 */
@Injectable()
export class CsvBodyMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    if (!/^text\/csv\b/i.test(request.headers['content-type'] ?? '')) return next();
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > LIMIT_BYTES && !failed) {
        failed = true;
        next(new PayloadTooLargeError('SIGN_IN_SHEET_TOO_LARGE', 'The sign-in sheet is larger than 10 MB; split it into several sheets.'));
        request.resume();
        return;
      }
      if (!failed) chunks.push(chunk);
    });
    request.on('end', () => {
      if (failed) return;
      request.body = Buffer.concat(chunks).toString('utf8');
      next();
    });
    request.on('error', (error) => {
      if (!failed) next(error);
    });
  }
}
