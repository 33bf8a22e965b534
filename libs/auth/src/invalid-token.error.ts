/**
 * Why a request carries no usable token. The message is shown to the caller as the 401 detail,
 * so it says what to do, and never echoes the token itself.
 */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}
