import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, CurrentPrincipal, Public, Role, Roles, type Principal } from '@socialmakers/auth';
import { SessionsService, type IssuedSession } from '../sessions/sessions.service';
import { AccountsService } from './accounts.service';
import { AccountView, SessionView } from './dto/account.view';
import { SignInDto, SignUpDto } from './dto/credentials.dto';
import { RefreshTokenDto } from './dto/refresh.dto';
import { SetRolesDto } from './dto/set-roles.dto';

const sessionView = (session: IssuedSession): SessionView => ({ ...session, account: AccountView.of(session.account) });

@ApiTags('accounts')
@Controller('api/accounts')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('sign-up')
  @Public()
  @ApiOperation({ summary: 'Creates a member account (the person id every service already uses for this email) and signs in' })
  @ApiCreatedResponse({ type: SessionView })
  async signUp(@Body() dto: SignUpDto): Promise<SessionView> {
    return sessionView(await this.accounts.signUp(dto));
  }

  @Post('sign-in')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Signs in; 401 for a wrong email or password, 423 while locked after repeated failures' })
  @ApiOkResponse({ type: SessionView })
  async signIn(@Body() dto: SignInDto): Promise<SessionView> {
    return sessionView(await this.accounts.signIn(dto));
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Trades a refresh token for a new pair; a token presented twice ends its session' })
  @ApiOkResponse({ type: SessionView })
  async refresh(@Body() dto: RefreshTokenDto): Promise<SessionView> {
    return sessionView(await this.sessions.refresh(dto.refreshToken));
  }

  @Post('sign-out')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Ends the session of this refresh token' })
  @ApiNoContentResponse()
  async signOut(@Body() dto: RefreshTokenDto): Promise<void> {
    await this.sessions.signOut(dto.refreshToken);
  }

  @Post('sign-out-everywhere')
  @ApiBearerAuth()
  @Roles(...ALL_ROLES)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Ends every session of the caller (access tokens already out expire within minutes)' })
  @ApiNoContentResponse()
  async signOutEverywhere(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.sessions.signOutEverywhere(principal.personId);
  }

  @Get('me')
  @ApiBearerAuth()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: AccountView })
  async me(@CurrentPrincipal() principal: Principal): Promise<AccountView> {
    return AccountView.of(await this.accounts.get(principal.personId));
  }

  @Get()
  @ApiBearerAuth()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Every account (administrators)' })
  @ApiOkResponse({ type: [AccountView] })
  async list(): Promise<AccountView[]> {
    return (await this.accounts.list()).map((account) => AccountView.of(account));
  }

  @Put(':personId/roles')
  @ApiBearerAuth()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Sets the roles of an account (administrators); organisers need an organisationId' })
  @ApiOkResponse({ type: AccountView })
  async setRoles(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Body() dto: SetRolesDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AccountView> {
    return AccountView.of(await this.accounts.setRoles(principal.personId, personId, dto));
  }
}
