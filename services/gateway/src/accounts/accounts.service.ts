import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role } from '@socialmakers/auth';
import { normaliseEmail, personIdForEmail } from '@socialmakers/contracts';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../config/gateway-settings';
import { SessionsService, type IssuedSession } from '../sessions/sessions.service';
import { accountLocked, accountNotFound, emailTaken, ownAdminRole, wrongCredentials } from './accounts.errors';
import type { SignInDto, SignUpDto } from './dto/credentials.dto';
import type { SetRolesDto } from './dto/set-roles.dto';
import { Account } from './entities/account.entity';
import { afterFailedSignIn, lockedUntil, UNLOCKED } from './lockout-policy';
import { PasswordHasher } from './password-hasher';
import { roleGrant } from './role-grant';

/** Sign-up, sign-in with lockout, and the roles administrators grant. */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  /** A new member account under the person id the platform already derives from this email. */
  async signUp(dto: SignUpDto): Promise<IssuedSession> {
    const email = normaliseEmail(dto.email);
    const passwordHash = await this.hasher.hash(dto.password);
    const now = new Date();
    // Two sign-ups racing with one email still meet the unique index (a generic 409 then).
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(Account, { email })) throw emailTaken();
      const account = manager.create(Account, {
        personId: personIdForEmail(email),
        email,
        displayName: dto.displayName,
        passwordHash,
        roles: [Role.Member],
        organisationId: null,
        ...UNLOCKED,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(Account, account);
      return this.sessions.start(account, manager);
    });
  }

  /**
   * Checks the password under a row lock, so parallel guesses queue up and each one counts towards
   * the lockout. A locked account refuses even the right password until the lock ends.
   */
  async signIn(dto: SignInDto): Promise<IssuedSession> {
    const email = normaliseEmail(dto.email);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const account = await manager
        .getRepository(Account)
        .createQueryBuilder('account')
        .setLock('pessimistic_write')
        .where('account.email = :email', { email })
        .getOne();
      if (!account) {
        await this.hasher.verifyNothing(dto.password);
        return { refusal: wrongCredentials() };
      }
      const now = new Date();
      const lockEnds = lockedUntil(account, now);
      if (lockEnds) return { refusal: accountLocked(lockEnds) };
      if (!(await this.hasher.verify(account.passwordHash, dto.password))) {
        const state = afterFailedSignIn(account, this.settings.lockout, now);
        await manager.update(Account, { personId: account.personId }, { ...state, updatedAt: now });
        return { refusal: state.lockedUntil ? accountLocked(state.lockedUntil) : wrongCredentials() };
      }
      if (account.failedSignIns > 0 || account.lockedUntil) {
        await manager.update(Account, { personId: account.personId }, { ...UNLOCKED, updatedAt: now });
      }
      return { session: await this.sessions.start(account, manager) };
    });
    // Refusals leave the transaction first, so the counted failure is committed.
    if (!outcome.session) throw outcome.refusal;
    return outcome.session;
  }

  async get(personId: string): Promise<Account> {
    const account = await this.dataSource.getRepository(Account).findOneBy({ personId });
    if (!account) throw accountNotFound(personId);
    return account;
  }

  list(): Promise<Account[]> {
    return this.dataSource.getRepository(Account).find({ order: { email: 'ASC' } });
  }

  async setRoles(actorId: string, personId: string, dto: SetRolesDto): Promise<Account> {
    const grant = roleGrant(dto.roles, dto.organisationId);
    if (actorId === personId && !grant.roles.includes(Role.Admin)) throw ownAdminRole();
    const account = await this.get(personId);
    await this.dataSource.getRepository(Account).update({ personId }, { ...grant, updatedAt: new Date() });
    return { ...account, ...grant };
  }

  /** Removes the account with its sessions and reset links (the database cascades). */
  async erase(personId: string): Promise<void> {
    await this.dataSource.getRepository(Account).delete({ personId });
  }
}
