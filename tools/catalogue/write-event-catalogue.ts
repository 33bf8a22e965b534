// npm run docs:catalogue — rewrites docs/event-catalogue.md from the contracts library.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderEventCatalogue } from './render-event-catalogue';

const target = resolve(__dirname, '../../docs/event-catalogue.md');
writeFileSync(target, renderEventCatalogue());
console.log(`wrote ${target}`);
