import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { verifyAccessToken } from '@socialmakers/auth';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'tools/cli/mint-token.ts');
const SECRET = 'cli-test-secret-of-at-least-32-characters';

function mint(args: string[], env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string }> {
  const { JWT_SECRET: _ignored, ...inherited } = process.env;
  return run(process.execPath, ['-r', '@swc-node/register', CLI, ...args], { cwd: ROOT, env: { ...inherited, ...env } });
}

describe('mint-token CLI', () => {
  jest.setTimeout(30_000);

  it('prints only a token the guard accepts', async () => {
    const { stdout, stderr } = await mint(['--person', 'p-1', '--roles', 'admin,member', '--org', 'o-1', '--ttl', '60'], {
      JWT_SECRET: SECRET,
    });
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(verifyAccessToken(stdout.trim(), SECRET)).toEqual({ personId: 'p-1', roles: ['admin', 'member'], organisationId: 'o-1' });
  });

  it('refuses unknown roles, listing the valid ones', async () => {
    await expect(mint(['--person', 'p-1', '--roles', 'boss'], { JWT_SECRET: SECRET })).rejects.toMatchObject({
      code: 1,
      stderr: 'Unknown role(s): boss. Valid roles: member, organiser, admin, analyst.\n',
    });
  });
});
