import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { normaliseEmail } from '@socialmakers/contracts';
import { createLogger } from '@socialmakers/logging';
import { Account } from '../accounts/entities/account.entity';
import { UNLOCKED } from '../accounts/lockout-policy';
import { PasswordHasher } from '../accounts/password-hasher';
import { hashOpaqueToken, newOpaqueToken } from '../common/opaque-token';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../config/gateway-settings';
import { SessionsService } from '../sessions/sessions.service';
import { PasswordReset } from './entities/password-reset.entity';
import { ResetLinkMailer } from './reset-link-mailer';
import { BadRequestError } from '@socialmakers/service-kit';

const log = createLogger('password-reset');

/** The path of the console's page that reads the token and asks for the new password. */
export const RESET_PAGE_PATH = '/reset-password';

const invalidLink = () =>
  new BadRequestError('RESET_LINK_INVALID', 'This reset link is not valid any more (used, expired or mistyped); ask for a new one.');

/** Password reset by a one-time link: the link proves access to the mailbox, nothing else is asked. */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly mailer: ResetLinkMailer,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  /**
   * Creates and sends a link when the email has an account. The caller's answer is the same either
   * way and does not wait for the mail server, so it tells nobody which emails have accounts.
   */
  async request(email: string): Promise<void> {
    const account = await this.dataSource.getRepository(Account).findOneBy({ email: normaliseEmail(email) });
    if (!account) return;
    const token = newOpaqueToken();
    await this.dataSource.getRepository(PasswordReset).insert({
      id: randomUUID(),
      personId: account.personId,
      tokenHash: hashOpaqueToken(token),
      expiresAt: new Date(Date.now() + this.settings.passwordResetTtlSeconds * 1000),
      usedAt: null,
      createdAt: new Date(),
    });
    const link = `${this.settings.publicUrl}${RESET_PAGE_PATH}?token=${encodeURIComponent(token)}`;
    const minutes = Math.round(this.settings.passwordResetTtlSeconds / 60);
    void this.mailer.send(account.email, account.displayName, link, minutes).catch((error: unknown) => log.error({ err: error }, 'could not send a reset link'));
  }

  /** Sets the new password, spends the link, ends every session and lifts a lockout. */
  async confirm(token: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const reset = await manager
        .getRepository(PasswordReset)
        .createQueryBuilder('reset')
        .setLock('pessimistic_write')
        .where('reset.tokenHash = :hash', { hash: hashOpaqueToken(token) })
        .getOne();
      if (!reset || reset.usedAt || reset.expiresAt.getTime() <= now.getTime()) throw invalidLink();
      await manager.update(PasswordReset, { id: reset.id }, { usedAt: now });
      // Other links of the same person die with this one.
      await manager.update(PasswordReset, { personId: reset.personId, usedAt: IsNull() }, { usedAt: now });
      await manager.update(Account, { personId: reset.personId }, { passwordHash, ...UNLOCKED, updatedAt: now });
      await this.sessions.signOutEverywhere(reset.personId, manager);
    });
  }
}
