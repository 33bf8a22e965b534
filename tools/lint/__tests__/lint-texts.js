// Lints snippets with the repository's own ESLint configuration, the way `npx eslint` does, and prints
// the messages as JSON on the last line of stdout (a rule may print warnings before it). It runs as a plain Node process because Jest's module sandbox cannot perform
// the dynamic import() with which ESLint loads eslint.config.js.
// Input on stdin: [{ "filePath": "services/x/src/a.ts", "code": "..." }, ...], paths relative to the root.
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { ESLint } = require('eslint');

async function main() {
  const repoRoot = resolve(__dirname, '../../..');
  const snippets = JSON.parse(readFileSync(0, 'utf8'));
  const eslint = new ESLint({ cwd: repoRoot });
  const results = [];
  for (const { filePath, code } of snippets) {
    const [result] = await eslint.lintText(code, { filePath: join(repoRoot, filePath) });
    results.push(result.messages.map(({ ruleId, severity, message }) => ({ ruleId, severity, message })));
  }
  process.stdout.write(`\n${JSON.stringify(results)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
