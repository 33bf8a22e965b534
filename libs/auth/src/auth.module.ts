import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_OPTIONS, type AuthModuleOptions, type ResolvedAuthOptions } from './auth-options';
import { JwtAuthGuard } from './jwt-auth.guard';

/**
 * Installs JwtAuthGuard for every route of the application. Import it once, in the root module.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions = {}): DynamicModule {
    return {
      module: AuthModule,
      providers: [optionsProvider(options), { provide: APP_GUARD, useClass: JwtAuthGuard }],
    };
  }
}

function optionsProvider({ secret }: AuthModuleOptions): Provider {
  if (secret !== undefined) {
    return { provide: AUTH_OPTIONS, useValue: resolved(secret, 'AuthModule.forRoot({ secret })') };
  }
  // Relies on a global ConfigModule (service-kit's createConfigModule), which has already
  // validated JWT_SECRET by the time this runs.
  return {
    provide: AUTH_OPTIONS,
    inject: [ConfigService],
    useFactory: (config: ConfigService): ResolvedAuthOptions => resolved(config.get<string>('JWT_SECRET'), 'JWT_SECRET'),
  };
}

function resolved(secret: string | undefined, source: string): ResolvedAuthOptions {
  if (!secret) throw new Error(`AuthModule has no signing secret: ${source} is empty.`);
  return { secret };
}
