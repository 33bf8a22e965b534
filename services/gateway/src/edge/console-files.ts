import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { join } from 'node:path';

/** Paths that are never the console's, even for a browser asking for HTML. */
const NOT_CONSOLE = /^\/(api|health|metrics|docs)(\/|-|$)/;
/** A last segment with an extension names a file (a missing bundle, favicon.ico): a 404, not the page. */
const FILE_NAME = /\.[A-Za-z0-9]+$/;

/**
 * The console's client-side routes (/courses, /me/progress, ...) exist only in the browser: a GET for
 * a page that is not a file gets index.html, and the console's router takes it from there. Requests
 * for the API, probes and files that do not exist still end in a 404.
 */
export function consoleFallback(consoleDir: string): RequestHandler {
  const index = join(consoleDir, 'index.html');
  return (request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || NOT_CONSOLE.test(request.path) || FILE_NAME.test(request.path) || !request.accepts('html')) return next();
    // index.html names the current hashed bundles, so it must be fetched afresh after a deployment.
    response.sendFile(index, { headers: { 'cache-control': 'no-cache' } }, (error) => {
      if (error && !response.headersSent) next();
    });
  };
}

/** Hashed bundles under /assets never change under the same name; everything else is revalidated. */
export function consoleCacheHeaders(response: Response, path: string): void {
  response.setHeader('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
}
