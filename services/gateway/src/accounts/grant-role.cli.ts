// Grants a role to an existing account, straight in the gateway's database: how the first
// administrator comes to be, before anyone can grant roles through the API.
//   npm run accounts:grant -- --email ana@example.org --role admin
//   npm run accounts:grant -- --email ana@example.org --role organiser --organisation <uuid>
// DATABASE_URL is the gateway's database (default: the local socialmakers_gateway). The account must
// exist: sign up first (the console, or POST /api/accounts/sign-up).
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { ALL_ROLES, isRole } from '@socialmakers/auth';
import { normaliseEmail } from '@socialmakers/contracts';
import { DomainError } from '@socialmakers/service-kit';
import { gatewayDataSourceOptions } from '../database/data-source';
import { Account } from './entities/account.entity';
import { roleGrant } from './role-grant';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USAGE = `Usage: accounts:grant -- --email <email> --role <${ALL_ROLES.join('|')}> [--role ...] [--organisation <uuid>]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, role: { type: 'string', multiple: true }, organisation: { type: 'string' } },
  });
  if (!values.email) fail('Name the account with --email.');
  const requested = values.role ?? [];
  if (requested.length === 0) fail('Name at least one role with --role.');
  const unknown = requested.filter((role) => !isRole(role));
  if (unknown.length > 0) fail(`Unknown role(s) ${unknown.join(', ')}; roles are ${ALL_ROLES.join(', ')}.`);
  if (values.organisation && !UUID.test(values.organisation)) fail('--organisation must be the organisation\'s id (a UUID).');

  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/socialmakers_gateway';
  const dataSource = new DataSource(gatewayDataSourceOptions(url));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    const accounts = dataSource.getRepository(Account);
    const email = normaliseEmail(values.email);
    const account = await accounts.findOneBy({ email });
    if (!account) throw new Error(`There is no account for ${email}; sign up first, then grant the role.`);
    const grant = roleGrant([...account.roles, ...requested], values.organisation ?? account.organisationId);
    await accounts.update({ personId: account.personId }, { ...grant, updatedAt: new Date() });
    process.stdout.write(`${email} (person ${account.personId}) now has the roles ${grant.roles.join(', ')}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof DomainError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
