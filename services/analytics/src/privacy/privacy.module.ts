import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHmac } from 'node:crypto';
import { Pseudonymiser } from './pseudonymise';

/** The pseudonym key is derived from the service's secret, so it exists only where the secret does. */
@Global()
@Module({
  providers: [
    {
      provide: Pseudonymiser,
      inject: [ConfigService],
      useFactory: (config: ConfigService) =>
        new Pseudonymiser(createHmac('sha256', config.getOrThrow<string>('JWT_SECRET')).update('socialmakers.analytics.pseudonyms').digest('hex')),
    },
  ],
  exports: [Pseudonymiser],
})
export class PrivacyModule {}
