import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { TooManyRequestsError } from '@socialmakers/service-kit';

const MINUTE_MS = 60_000;

/**
 * A fixed one-minute window per client address, kept in memory: one gateway instance is what the
 * platform runs; several would need a shared store (express-rate-limit takes a Redis one).
 */
function perMinute(limit: number, what: string): RequestHandler {
  return rateLimit({
    windowMs: MINUTE_MS,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // Its checks of Express's trust proxy setting: the gateway sets it from TRUST_PROXY_HOPS, and the
    // proxy lane works out the client's address the same way without an Express app to inspect.
    validate: { trustProxy: false, xForwardedForHeader: false },
    handler: (_request, response, next) => {
      const retryAfter = response.getHeader('retry-after');
      next(
        new TooManyRequestsError(
          'RATE_LIMITED',
          `Too many ${what} from your address; wait ${retryAfter ?? 60} seconds and try again.`,
          retryAfter === undefined ? {} : { retryAfterSeconds: Number(retryAfter) },
        ),
      );
    },
  });
}

/** Every request to /api: generous, against floods and runaway scripts. */
export const apiRateLimit = (limit: number) => perMinute(limit, 'requests');

/** Sign-in, sign-up and reset requests: strict, against password guessing and account or mail spraying. */
export const credentialRateLimit = (limit: number) => perMinute(limit, 'sign-in, sign-up or reset attempts');

/** The routes credentialRateLimit guards. */
export const CREDENTIAL_ROUTES = ['/api/accounts/sign-in', '/api/accounts/sign-up', '/api/accounts/password-reset'];
