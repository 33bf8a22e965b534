import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Account } from '../entities/account.entity';

export class AccountView {
  @ApiProperty({ description: 'The same person id every service uses for this email' }) personId: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ isArray: true, type: String }) roles: string[];
  @ApiPropertyOptional() organisationId?: string;

  static of(account: Account): AccountView {
    const view = new AccountView();
    view.personId = account.personId;
    view.email = account.email;
    view.displayName = account.displayName;
    view.roles = [...account.roles];
    if (account.organisationId) view.organisationId = account.organisationId;
    return view;
  }
}

/** What sign-up, sign-in and refresh answer. */
export class SessionView {
  @ApiProperty({ type: AccountView }) account: AccountView;
  @ApiProperty({ description: 'Bearer token for the services, short-lived' }) accessToken: string;
  @ApiProperty({ description: 'Presented once to /api/accounts/refresh for the next pair' }) refreshToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) accessTokenExpiresIn: number;
}
