import { ConfigService } from '@nestjs/config';
import type { IssuerInfo } from './open-badges';

export const ISSUER_INFO = Symbol('ISSUER_INFO');

export const issuerInfoProvider = {
  provide: ISSUER_INFO,
  inject: [ConfigService],
  useFactory: (config: ConfigService): IssuerInfo => ({
    baseUrl: (config.get<string>('LEARNING_PUBLIC_URL') ?? `http://127.0.0.1:${config.get<number>('PORT') ?? 3001}`).replace(/\/$/, ''),
  }),
};
