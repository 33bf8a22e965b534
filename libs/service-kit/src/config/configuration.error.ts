/**
 * The environment does not describe a service that can start. Its message is one line naming
 * every bad setting, meant to be printed as is.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';

  constructor(readonly problems: string[]) {
    super(`Configuration error: ${problems.join('; ')}`);
  }
}
