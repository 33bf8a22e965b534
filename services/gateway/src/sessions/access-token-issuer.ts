import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { isRole, mintToken } from '@socialmakers/auth';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../config/gateway-settings';
import type { Account } from '../accounts/entities/account.entity';

/** Mints the short-lived access tokens the services verify with the shared guard. */
@Injectable()
export class AccessTokenIssuer {
  private readonly secret: string;

  constructor(config: ConfigService, @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings) {
    this.secret = config.getOrThrow<string>('JWT_SECRET');
  }

  get ttlSeconds(): number {
    return this.settings.accessTokenTtlSeconds;
  }

  issue(account: Account): string {
    return mintToken({
      personId: account.personId,
      roles: account.roles.filter(isRole),
      organisationId: account.organisationId ?? undefined,
      ttlSeconds: this.settings.accessTokenTtlSeconds,
      secret: this.secret,
    });
  }
}
