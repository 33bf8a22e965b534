import { Module } from '@nestjs/common';
import { PasswordResetController } from '../password-reset/password-reset.controller';
import { PasswordResetService } from '../password-reset/password-reset.service';
import { ResetLinkMailer } from '../password-reset/reset-link-mailer';
import { AccessTokenIssuer } from '../sessions/access-token-issuer';
import { SessionsService } from '../sessions/sessions.service';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { PasswordHasher } from './password-hasher';

/** Accounts, their sessions and password resets: the gateway's own API under /api/accounts. */
@Module({
  controllers: [AccountsController, PasswordResetController],
  providers: [AccountsService, PasswordHasher, SessionsService, AccessTokenIssuer, PasswordResetService, ResetLinkMailer],
  exports: [AccountsService],
})
export class AccountsModule {}
