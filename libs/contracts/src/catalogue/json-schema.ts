import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { definitionOf, EventType } from './event-catalogue';

export type JsonSchema = Record<string, unknown>;

let schemas: Record<string, JsonSchema> | undefined;

/**
 * The JSON Schema of an event type's data, derived from the same class-validator decorators that
 * validate it at run time, so documentation and AsyncAPI cannot drift from the contract.
 */
export function payloadJsonSchema(type: EventType): JsonSchema {
  schemas ??= validationMetadatasToSchemas() as Record<string, JsonSchema>;
  const schema = schemas[definitionOf(type).payload.name];
  if (!schema) throw new Error(`no JSON Schema for the payload of ${type}`);
  return schema;
}
