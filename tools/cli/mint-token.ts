// Mints an access token for local use (curl, Swagger UI, scripts), signed with the platform's local
// secret:
//   node -r @swc-node/register tools/cli/mint-token.ts --person <id> --roles admin,member [--org <id>] [--ttl 3600]
// Prints only the token, so `TOKEN=$(npm run -s token -- --person p1 --roles member)` works.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ALL_ROLES, isRole, mintToken, type Role } from '@socialmakers/auth';

// Written by the local start scripts (npm start); resolved from this file so the tool works from
// any working directory.
const LOCAL_SECRET_FILE = resolve(__dirname, '../../.cache/local/jwt-secret');

const USAGE = `Usage: mint-token --person <id> --roles <role,...> [--org <id>] [--ttl <seconds>]
Roles: ${ALL_ROLES.join(', ')}. The secret comes from JWT_SECRET, or else ${LOCAL_SECRET_FILE}.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function readSecret(): string {
  const fromEnv = process.env.JWT_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (existsSync(LOCAL_SECRET_FILE)) {
    const fromFile = readFileSync(LOCAL_SECRET_FILE, 'utf8').trim();
    if (fromFile) return fromFile;
  }
  return fail(
    `No signing secret: set JWT_SECRET, or start the platform locally (npm start) so that ${LOCAL_SECRET_FILE} exists.`,
  );
}

function parseRoles(list: string): Role[] {
  const roles = list.split(',').map((role) => role.trim()).filter(Boolean);
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) fail(`Unknown role(s): ${unknown.join(', ')}. Valid roles: ${ALL_ROLES.join(', ')}.`);
  return roles as Role[];
}

function parseTtl(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ttl = Number(value);
  if (!Number.isInteger(ttl) || ttl <= 0) fail(`--ttl must be a positive whole number of seconds, got "${value}".`);
  return ttl;
}

function main(): void {
  let values: { person?: string; roles?: string; org?: string; ttl?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        person: { type: 'string' },
        roles: { type: 'string' },
        org: { type: 'string' },
        ttl: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!values.person) fail(`--person is required.\n${USAGE}`);
  if (!values.roles) fail(`--roles is required (e.g. --roles member).\n${USAGE}`);

  const token = mintToken({
    personId: values.person,
    roles: parseRoles(values.roles),
    organisationId: values.org,
    ttlSeconds: parseTtl(values.ttl),
    secret: readSecret(),
  });
  process.stdout.write(`${token}\n`);
}

main();
