// Creates the demo accounts through the gateway's accounts API (npm start runs it after the demo data):
// an administrator, an organiser of the Slovenian partner, an analyst and two members who are people
// of the 2018 demo (an innovator who learned in the Academy and attended workshops, so they see progress,
// attendance and matches; a funder from the sign-in sheets), by the emails the demo gave them.
//   node dist/tools/cli/demo-accounts.js      (GATEWAY_URL, and DATABASE_URL of the gateway for the roles)
// Passwords are generated here and printed once; they are stored nowhere but as argon2id hashes. An
// account left from an earlier start keeps its password (reset it through the console if forgotten).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { demoPersonId } from '../demo/demo-people';

interface DemoAccount {
  role: string;
  email: string;
  displayName: string;
  grant: string[];
}

const ACCOUNTS: DemoAccount[] = [
  { role: 'admin', email: 'admin@socialmakers.example', displayName: 'Demo administrator', grant: ['--role', 'admin'] },
  {
    role: 'organiser',
    email: 'organiser-si@socialmakers.example',
    displayName: 'Demo organiser (Zavod Ypsilon, Slovenia)',
    grant: ['--role', 'organiser', '--organisation', demoPersonId('partner-SI')],
  },
  { role: 'analyst', email: 'analyst@socialmakers.example', displayName: 'Demo analyst', grant: ['--role', 'analyst'] },
  // People of the demo: an entrepreneur and a funder who signed Slovenian sign-in sheets in 2018.
  { role: 'member', email: 'learner-si-0@example.org', displayName: 'Demo member (innovator and Academy learner, Slovenia)', grant: [] },
  { role: 'member', email: 'participant-si-5@example.org', displayName: 'Demo member (funder, Slovenia)', grant: [] },
];

const GATEWAY = (process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');

async function signUp(account: DemoAccount, password: string): Promise<'created' | 'exists'> {
  const response = await fetch(`${GATEWAY}/api/accounts/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password, displayName: account.displayName }),
  });
  if (response.status === 201) return 'created';
  if (response.status === 409) return 'exists';
  throw new Error(`sign-up of ${account.email} answered ${response.status}: ${await response.text()}`);
}

async function main(): Promise<void> {
  const lines: string[] = [];
  for (const account of ACCOUNTS) {
    const password = randomBytes(12).toString('base64url');
    const outcome = await signUp(account, password);
    if (account.grant.length > 0) {
      // Roles need an administrator, and the first one can only come from the CLI.
      execFileSync(process.execPath, [resolve(__dirname, '../../services/gateway/src/accounts/grant-role.cli.js'), '--email', account.email, ...account.grant], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
    const shown = outcome === 'created' ? password : '(account from an earlier start: its password was printed then)';
    lines.push(`  ${account.role.padEnd(10)} ${account.email.padEnd(36)} ${shown}`);
  }
  process.stdout.write(`demo accounts for the console at ${GATEWAY} (passwords are shown this once):\n${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[demo accounts] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
