import { QueryFailedError } from 'typeorm';

// PostgreSQL's SQLSTATE for unique_violation.
const UNIQUE_VIOLATION = '23505';

/** True when a write failed because a unique constraint already holds the same values. */
export function isUniqueViolation(error: unknown): error is QueryFailedError<Error & { code: string; constraint?: string }> {
  return error instanceof QueryFailedError && (error.driverError as { code?: unknown }).code === UNIQUE_VIOLATION;
}
