import { ConflictError, NotFoundError, BadRequestError, LockedError, UnauthenticatedError } from '@socialmakers/service-kit';

export const AccountErrorCode = {
  EmailTaken: 'EMAIL_TAKEN',
  WrongCredentials: 'WRONG_CREDENTIALS',
  AccountLocked: 'ACCOUNT_LOCKED',
  AccountNotFound: 'ACCOUNT_NOT_FOUND',
  OrganisationRequired: 'ORGANISATION_REQUIRED',
  OwnAdminRole: 'OWN_ADMIN_ROLE',
  SessionEnded: 'SESSION_ENDED',
} as const;

export const emailTaken = () =>
  new ConflictError(AccountErrorCode.EmailTaken, 'An account with this email already exists; sign in, or reset the password if you forgot it.');

export const wrongCredentials = () =>
  new UnauthenticatedError(AccountErrorCode.WrongCredentials, 'The email or the password is wrong.');

export const accountLocked = (until: Date) =>
  new LockedError(
    AccountErrorCode.AccountLocked,
    `Too many failed sign-ins: the account is locked until ${until.toISOString()}. Try again then, or reset your password.`,
    { lockedUntil: until.toISOString() },
  );

export const accountNotFound = (personId: string) =>
  new NotFoundError(AccountErrorCode.AccountNotFound, `There is no account for the person ${personId}.`, { personId });

export const organisationRequired = () =>
  new BadRequestError(AccountErrorCode.OrganisationRequired, 'An organiser acts for an organisation: give organisationId with the organiser role.');

export const ownAdminRole = () =>
  new ConflictError(AccountErrorCode.OwnAdminRole, 'You cannot take the admin role from yourself; ask another administrator.');

export const sessionEnded = (reason: string) => new UnauthenticatedError(AccountErrorCode.SessionEnded, reason);
