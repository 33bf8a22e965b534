// class-transformer keeps its @Type() metadata here; the package publishes no typed entry for it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: unknown };
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { definitionOf, EventType } from './event-catalogue';

export type JsonSchema = Record<string, unknown>;

const REF_PREFIX = '#/definitions/';
let schemas: Record<string, JsonSchema> | undefined;

/** Replaces references to nested payload classes (LocalizedText, PublishedModule) with their schemas. */
function inline(value: unknown, all: Record<string, JsonSchema>): unknown {
  if (Array.isArray(value)) return value.map((item) => inline(item, all));
  if (value === null || typeof value !== 'object') return value;
  const ref = (value as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref.startsWith(REF_PREFIX)) {
    const target = all[ref.slice(REF_PREFIX.length)];
    if (!target) throw new Error(`no JSON Schema for ${ref}`);
    return inline(target, all);
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inline(item, all)]));
}

/**
 * The self-contained JSON Schema of an event type's data, derived from the same class-validator
 * decorators (and class-transformer @Type hints for nested objects) that validate it at run time, so
 * documentation and AsyncAPI cannot drift from the contract.
 */
export function payloadJsonSchema(type: EventType): JsonSchema {
  schemas ??= validationMetadatasToSchemas({
    refPointerPrefix: REF_PREFIX,
    classTransformerMetadataStorage: defaultMetadataStorage as never,
  }) as Record<string, JsonSchema>;
  const schema = schemas[definitionOf(type).payload.name];
  if (!schema) throw new Error(`no JSON Schema for the payload of ${type}`);
  return inline(schema, schemas) as JsonSchema;
}
