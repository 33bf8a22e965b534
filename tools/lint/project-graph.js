// @nx/enforce-module-boundaries reads Nx's *cached* project graph. When there is none it prints a
// warning and skips itself, so a fresh checkout or a CI job would lint green without checking a
// single boundary; and a cache older than a new project or a new import checks against the past.
// ensureProjectGraph() runs before ESLint uses the rule and recomputes the graph when the cache is
// missing or older than any file that could change it.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const workspaceRoot = path.resolve(__dirname, '../..');
const PROJECT_FOLDERS = ['libs', 'services'];
const WORKSPACE_FILES = ['nx.json', 'tsconfig.base.json', 'package.json'];
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'coverage', '.cache']);

/** Newest modification time (ms) of the workspace files and everything under the project folders. */
function newestInputTime() {
  let newest = 0;
  const visit = (entry) => {
    let stat;
    try {
      stat = fs.statSync(entry);
    } catch {
      return; // removed while we walked
    }
    newest = Math.max(newest, stat.mtimeMs);
    if (!stat.isDirectory()) return;
    for (const name of fs.readdirSync(entry)) {
      if (!SKIPPED_FOLDERS.has(name)) visit(path.join(entry, name));
    }
  };
  for (const file of WORKSPACE_FILES) visit(path.join(workspaceRoot, file));
  for (const folder of PROJECT_FOLDERS) visit(path.join(workspaceRoot, folder));
  return Math.ceil(newest);
}

function cacheIsFresh(minimumComputedAt) {
  try {
    // Loaded lazily: requiring nx reads the workspace-data location from the environment.
    const { readCachedProjectGraph } = require('nx/src/devkit-exports');
    return Boolean(readCachedProjectGraph(minimumComputedAt));
  } catch {
    return false; // missing, stale or recorded with errors
  }
}

function ensureProjectGraph() {
  if (cacheIsFresh(newestInputTime())) return;
  try {
    // Without the daemon, so the graph is written by this process tree and the call is deterministic.
    execFileSync(process.execPath, [require.resolve('nx/bin/nx'), 'show', 'projects'], {
      cwd: workspaceRoot,
      env: { ...process.env, NX_DAEMON: 'false' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    const detail = error.stderr ? String(error.stderr) : error.message;
    throw new Error(`Could not compute the Nx project graph that module-boundary linting needs:\n${detail}`);
  }
}

module.exports = { ensureProjectGraph, workspaceRoot };
