import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { EventCatalogue, Topics } from '@socialmakers/contracts';
import { asyncApiDocument } from '../asyncapi';
import { ASYNCAPI_PATH, renderAsyncApi } from '../write-asyncapi';

describe('AsyncAPI document', () => {
  const document = asyncApiDocument() as {
    channels: Record<string, { address: string; messages: Record<string, unknown> }>;
    components: { messages: Record<string, unknown>; schemas: Record<string, unknown> };
  };

  it('is valid AsyncAPI 3.0 for the official parser, with no errors or warnings', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
    expect(diagnostics.filter((d) => d.severity <= 1).map((d) => `${d.code}: ${d.message} at ${d.path.join('.')}`)).toEqual([]);
    expect(parsed?.version()).toBe('3.0.0');
    expect(parsed?.channels().length).toBe(Object.keys(Topics).length + 4);
  });

  it('has every topic and event type of the catalogue, with resolved payload schemas', () => {
    for (const topic of Object.values(Topics)) expect(Object.values(document.channels).map((c) => c.address)).toContain(topic.name);
    for (const [type, definition] of Object.entries(EventCatalogue)) {
      expect(document.components.messages).toHaveProperty([type]);
      expect(document.components.schemas).toHaveProperty([definition.payload.name]);
    }
    const text = JSON.stringify(document);
    expect(text).not.toContain('#/definitions/');
    // Arrays of nested objects point at their element class.
    expect(text).toContain('"items":{"$ref":"#/components/schemas/PublishedModule"}');
  });

  it('is committed as generated (npm run docs:asyncapi)', () => {
    expect(readFileSync(resolve(__dirname, '../../../../..', ASYNCAPI_PATH), 'utf8')).toBe(renderAsyncApi());
  });
});
