import { SetMetadata } from '@nestjs/common';
import { IS_PUBLIC_KEY } from './auth-metadata.constants';

/**
 * Opens a route (or a whole controller) to callers without a token. Every other route needs one:
 * forgetting a decorator must fail closed, never open.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
