import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { createLogger } from '@socialmakers/logging';
import { Account } from '../accounts/entities/account.entity';
import { sessionEnded } from '../accounts/accounts.errors';
import { hashOpaqueToken, newOpaqueToken } from '../common/opaque-token';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../config/gateway-settings';
import { AccessTokenIssuer } from './access-token-issuer';
import { RefreshToken } from './entities/refresh-token.entity';
import { judgeRefreshToken, REFUSAL } from './refresh-token-rotation';

const log = createLogger('sessions');

export interface IssuedSession {
  account: Account;
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresIn: number;
}

/** Sessions as families of rotating refresh tokens, plus the access tokens they hand out. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accessTokens: AccessTokenIssuer,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  /** A new session (a new family) for an account that just proved who it is. */
  start(account: Account, manager: EntityManager = this.dataSource.manager): Promise<IssuedSession> {
    return this.issue(manager, account, randomUUID());
  }

  /**
   * Uses a refresh token up and issues the next one of its family. The row lock makes two refreshes
   * racing with the same token see each other: the second finds it used and ends the session.
   */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const token = await manager
        .getRepository(RefreshToken)
        .createQueryBuilder('token')
        .setLock('pessimistic_write')
        .where('token.tokenHash = :hash', { hash: hashOpaqueToken(refreshToken) })
        .getOne();
      const verdict = judgeRefreshToken(token, now);
      if (verdict === 'reused') {
        await this.revokeFamily(manager, token!.familyId, now);
        log.warn({ personId: token!.personId, familyId: token!.familyId }, 'a used refresh token came back: session revoked');
      }
      if (verdict !== 'rotate') return { refusal: REFUSAL[verdict] };
      await manager.update(RefreshToken, { id: token!.id }, { usedAt: now });
      const account = await manager.findOneByOrFail(Account, { personId: token!.personId });
      return { session: await this.issue(manager, account, token!.familyId) };
    });
    // Thrown outside the transaction, so a revoked family stays revoked.
    if (!outcome.session) throw sessionEnded(outcome.refusal);
    return outcome.session;
  }

  /** Ends the session the token belongs to; an unknown token ends nothing and says nothing. */
  async signOut(refreshToken: string): Promise<void> {
    const token = await this.dataSource.getRepository(RefreshToken).findOneBy({ tokenHash: hashOpaqueToken(refreshToken) });
    if (token) await this.revokeFamily(this.dataSource.manager, token.familyId, new Date());
  }

  /** Ends every session of the person; access tokens already out run until they expire (minutes). */
  async signOutEverywhere(personId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(RefreshToken, { personId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async revokeFamily(manager: EntityManager, familyId: string, now: Date): Promise<void> {
    await manager.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: now });
  }

  private async issue(manager: EntityManager, account: Account, familyId: string): Promise<IssuedSession> {
    const refreshToken = newOpaqueToken();
    const issuedAt = new Date();
    await manager.insert(RefreshToken, {
      id: randomUUID(),
      familyId,
      personId: account.personId,
      tokenHash: hashOpaqueToken(refreshToken),
      issuedAt,
      expiresAt: new Date(issuedAt.getTime() + this.settings.refreshTokenTtlSeconds * 1000),
      usedAt: null,
      revokedAt: null,
    });
    return { account, accessToken: this.accessTokens.issue(account), refreshToken, accessTokenExpiresIn: this.accessTokens.ttlSeconds };
  }
}
