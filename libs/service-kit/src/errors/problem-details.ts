/** The media type of every error response (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One field the client must fix, with a dotted path for nested fields (`address.postcode`). */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * The one error body of the platform (RFC 9457 problem details). `code` and `errors` are
 * extension members: `code` is the stable value a client switches on, `errors` lists invalid
 * fields.
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId?: string;
  code?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** RFC 9457's value for "nothing more specific than the status code". */
export const GENERIC_PROBLEM_TYPE = 'about:blank';

/** A stable URI per error code, e.g. WORKSHOP_FULL → urn:socialmakers:problem:workshop-full. */
export function problemTypeFor(code: string): string {
  return `urn:socialmakers:problem:${code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}
