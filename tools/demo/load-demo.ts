// Loads the 2018 programme into a running platform through the services' own HTTP APIs (never into
// their tables), so every event flows through outbox, Kafka and the consumers as in production.
//   node -r @swc-node/register tools/demo/load-demo.ts     (npm start runs it)
// Each part lives in its own loader; loading twice changes nothing (stable ids, idempotent APIs).
import { loadAcademy } from './academy-loader';
import { demoContext } from './demo-context';
import { loadProgramme } from './programme-loader';
import { loadNetwork } from './network-loader';
import { publishResults } from './results-publisher';

async function main(): Promise<void> {
  const context = demoContext();
  await loadAcademy(context);
  await loadProgramme(context);
  await loadNetwork(context);
  await publishResults(context);
}

main().catch((error: unknown) => {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
