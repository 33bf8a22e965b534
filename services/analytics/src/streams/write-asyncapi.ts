// Writes docs/asyncapi.json from the contracts: npm run docs:asyncapi (a test fails when it drifts).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { asyncApiDocument } from './asyncapi';

export const ASYNCAPI_PATH = 'docs/asyncapi.json';

export function renderAsyncApi(): string {
  return `${JSON.stringify(asyncApiDocument(), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(resolve(__dirname, '../../../..', ASYNCAPI_PATH), renderAsyncApi());
  process.stdout.write(`wrote ${ASYNCAPI_PATH}\n`);
}
