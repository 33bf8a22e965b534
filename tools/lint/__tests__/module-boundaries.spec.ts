import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Proves the module boundaries are enforced, not just configured: code that crosses a boundary is
 * linted with the repository's own eslint.config.js (ESLint's Node API, see lint-texts.js) and must
 * be refused. The Nx rule skips itself, with only a warning, when there is no cached project graph;
 * so Nx keeps its data in a new empty directory here, as on a fresh checkout, and the tests pass only
 * if the configuration computes the graph it needs.
 */
const repoRoot = resolve(__dirname, '../../..');
const RULE = '@nx/enforce-module-boundaries';

interface LintMessage {
  ruleId: string | null;
  severity: number;
  message: string;
}

const probes = {
  serviceImportsServiceRelatively: {
    filePath: 'services/community/src/boundary-probe.ts',
    code: `import { AppModule } from '../../learning/src/app.module';\nexport const probe = AppModule;\n`,
  },
  serviceImportsServiceByWorkspacePath: {
    filePath: 'services/community/src/boundary-probe.ts',
    code: `import { AppModule } from 'services/learning/src/app.module';\nexport const probe = AppModule;\n`,
  },
  libraryImportsService: {
    filePath: 'libs/messaging/src/boundary-probe.ts',
    code: `import { AppModule } from '../../../services/learning/src/app.module';\nexport const probe = AppModule;\n`,
  },
  serviceImportsContracts: {
    filePath: 'services/community/src/boundary-probe.ts',
    code: `import { Topics } from '@socialmakers/contracts';\nexport const probe = Topics;\n`,
  },
  contractsImportLibrary: {
    filePath: 'libs/contracts/src/boundary-probe.ts',
    code: `import { createLogger } from '@socialmakers/logging';\nexport const probe = createLogger;\n`,
  },
  contractsImportMessaging: {
    filePath: 'libs/contracts/src/boundary-probe.ts',
    code: `import { EventOutbox } from '@socialmakers/messaging';\nexport const probe = EventOutbox;\n`,
  },
  serviceCodeImportsTesting: {
    filePath: 'services/community/src/boundary-probe.ts',
    code: `import { waitFor } from '@socialmakers/testing';\nexport const probe = waitFor;\n`,
  },
  serviceSpecImportsTesting: {
    filePath: 'services/community/src/__tests__/boundary-probe.spec.ts',
    code: `import { waitFor } from '@socialmakers/testing';\nexport const probe = waitFor;\n`,
  },
  serviceIntegrationTestImportsTesting: {
    filePath: 'services/community/test/boundary-probe.int-spec.ts',
    code: `import { waitFor } from '@socialmakers/testing';\nexport const probe = waitFor;\n`,
  },
};

type Probe = keyof typeof probes;

describe('module boundaries', () => {
  let graphDirectory: string;
  let boundaryErrors: Record<Probe, string[]>;

  beforeAll(() => {
    graphDirectory = mkdtempSync(join(tmpdir(), 'nx-workspace-data-'));
    const names = Object.keys(probes) as Probe[];
    const output = execFileSync(process.execPath, [join(__dirname, 'lint-texts.js')], {
      cwd: repoRoot,
      input: JSON.stringify(names.map((name) => probes[name])),
      env: { ...process.env, NX_WORKSPACE_DATA_DIRECTORY: graphDirectory, NX_DAEMON: 'false' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const messages = JSON.parse(output.trim().split('\n').pop() ?? '') as LintMessage[][];
    boundaryErrors = Object.fromEntries(
      names.map((name, index) => [name, messages[index].filter((m) => m.ruleId === RULE && m.severity === 2).map((m) => m.message)]),
    ) as Record<Probe, string[]>;
  }, 60_000);

  afterAll(() => {
    rmSync(graphDirectory, { recursive: true, force: true });
  });

  it('refuses a service importing another service by a relative path', () => {
    expect(boundaryErrors.serviceImportsServiceRelatively).toEqual([expect.stringContaining('cannot be imported by a relative or absolute path')]);
  });

  it('refuses a service importing another service by its workspace path', () => {
    expect(boundaryErrors.serviceImportsServiceByWorkspacePath).toEqual([expect.stringContaining('cannot be imported by a relative or absolute path')]);
  });

  it('refuses a shared library importing from a service', () => {
    expect(boundaryErrors.libraryImportsService).toEqual([expect.stringContaining('cannot be imported by a relative or absolute path')]);
  });

  it('lets a service import the contracts library through its alias', () => {
    expect(boundaryErrors.serviceImportsContracts).toEqual([]);
  });

  it('refuses the contracts library depending on anything but contracts', () => {
    expect(boundaryErrors.contractsImportLibrary).toEqual([
      expect.stringContaining('"type:contracts" can only depend on libs tagged with "type:contracts"'),
    ]);
  });

  it('sees dependencies between projects, so it refuses an import that closes a cycle', () => {
    // Only when Nx analyses source files (pluginsConfig in nx.json) does the graph know that
    // messaging imports contracts; without it no cycle could ever be detected.
    expect(boundaryErrors.contractsImportMessaging).toEqual([expect.stringContaining('Circular dependency between "contracts" and "messaging"')]);
  });

  it('lets only the test code of a service use the testing library', () => {
    expect(boundaryErrors.serviceCodeImportsTesting).toEqual([
      expect.stringContaining('"type:service" can only depend on libs tagged with "type:lib", "type:contracts"'),
    ]);
    expect(boundaryErrors.serviceSpecImportsTesting).toEqual([]);
    expect(boundaryErrors.serviceIntegrationTestImportsTesting).toEqual([]);
  });
});

describe('project tags', () => {
  const projectsUnder = (folder: string) =>
    readdirSync(join(repoRoot, folder), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => ({ folder: entry.name, project: JSON.parse(readFileSync(join(repoRoot, folder, entry.name, 'project.json'), 'utf8')) }));

  it('gives every service a project.json tagged type:service and its own scope', () => {
    for (const { folder, project } of projectsUnder('services')) {
      expect({ folder, name: project.name, type: project.projectType, tags: project.tags }).toEqual({
        folder,
        name: folder,
        type: 'application',
        tags: ['type:service', `scope:${folder}`],
      });
    }
  });

  it('gives every library a project.json tagged with its type and scope:shared', () => {
    const typeOf: Record<string, string> = { contracts: 'type:contracts', testing: 'type:testing' };
    for (const { folder, project } of projectsUnder('libs')) {
      expect({ folder, name: project.name, type: project.projectType, tags: project.tags }).toEqual({
        folder,
        name: folder,
        type: 'library',
        tags: [typeOf[folder] ?? 'type:lib', 'scope:shared'],
      });
    }
  });
});
