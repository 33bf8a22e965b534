import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EventCatalogue } from '@socialmakers/contracts';
import { renderEventCatalogue } from '../render-event-catalogue';

describe('docs/event-catalogue.md', () => {
  const committed = readFileSync(resolve(__dirname, '../../../docs/event-catalogue.md'), 'utf8');

  it('is exactly what the contracts library renders (run `npm run docs:catalogue` after changing a contract)', () => {
    expect(committed).toBe(renderEventCatalogue());
  });

  it('documents every event type in the catalogue', () => {
    for (const type of Object.keys(EventCatalogue)) expect(committed).toContain(`### \`${type}\``);
  });
});
