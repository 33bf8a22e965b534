// class-transformer keeps its @Type() metadata here; the package publishes no typed entry for it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: unknown };
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { ConsumerGroups, deadLetterTopicFor, EventCatalogue, Topics, type EventType } from '@socialmakers/contracts';

type Json = Record<string, unknown>;

const SCHEMAS = '#/components/schemas/';
const KAFKA_BINDING = '0.5.0';

/**
 * The JSON Schemas of every class the contracts declare, from the same class-validator decorators
 * the consumers validate with. Generated here with class-transformer's metadata so that arrays of
 * nested objects (a course's modules, the network's countries) point at their element class; the
 * contracts' own payloadJsonSchema leaves those as "#/definitions/Array".
 */
function contractSchemas(): Record<string, Json> {
  return validationMetadatasToSchemas({ refPointerPrefix: SCHEMAS, classTransformerMetadataStorage: defaultMetadataStorage as never }) as Record<string, Json>;
}

function ceHeaders(type: string): Json {
  const text = (description: string) => ({ type: 'string', description });
  return {
    type: 'object',
    required: ['ce_id', 'ce_source', 'ce_type', 'ce_specversion'],
    properties: {
      ce_id: text('the event id, unique per source: consumers dedupe on (source, id)'),
      ce_source: text('the producing service, /socialmakers/<service>'),
      ce_type: { type: 'string', const: type, description: 'the event type, with its version' },
      ce_specversion: { type: 'string', const: '1.0' },
      ce_subject: text('what the key identifies, <kind>/<key>'),
      ce_time: { type: 'string', format: 'date-time', description: 'when the event was written' },
      ce_requestid: text('the HTTP request that caused the event (correlation)'),
      ce_partitionkey: text('the Kafka key'),
      'content-type': { type: 'string', const: 'application/json' },
    },
  };
}

/** One channel id per topic, from the Topics constant names (learningEnrolment, eventsAttendance, ...). */
function channelIdOf(topicName: string): string {
  return Object.entries(Topics).find(([, topic]) => topic.name === topicName)![0];
}

/**
 * The AsyncAPI 3.0 document of every topic and event type of the catalogue, generated from
 * libs/contracts at run time (served over HTTP) and written to docs/asyncapi.json by the same code,
 * with a test that the committed file equals the generated one, so it cannot drift.
 */
export function asyncApiDocument(): Json {
  const all = contractSchemas();
  const types = Object.keys(EventCatalogue) as EventType[];
  const channels: Json = {};
  const operations: Json = {};
  const messages: Json = {};
  const used = new Set<string>();

  for (const [channelId, topic] of Object.entries(Topics)) {
    const onTopic = types.filter((type) => EventCatalogue[type].topic.name === topic.name);
    channels[channelId] = {
      address: topic.name,
      title: topic.name,
      description: `${topic.description} Names may carry an environment prefix (KAFKA_NAMESPACE).`,
      messages: Object.fromEntries(onTopic.map((type) => [type, { $ref: `#/components/messages/${type}` }])),
      bindings: {
        kafka: {
          topic: topic.name,
          partitions: topic.partitions,
          topicConfiguration: { 'cleanup.policy': ['delete'], 'retention.ms': topic.retentionMs },
          bindingVersion: KAFKA_BINDING,
        },
      },
    };
    operations[`read-${channelId}`] = {
      action: 'receive',
      title: `Read ${topic.name}`,
      summary: `Consume ${topic.name} with any Kafka client (see docs/streams.md).`,
      channel: { $ref: `#/channels/${channelId}` },
      messages: onTopic.map((type) => ({ $ref: `#/channels/${channelId}/messages/${type}` })),
    };
  }

  for (const type of types) {
    const definition = EventCatalogue[type];
    const payloadName = definition.payload.name;
    used.add(payloadName);
    messages[type] = {
      name: type,
      title: type,
      summary: definition.description,
      contentType: 'application/json',
      headers: ceHeaders(type),
      payload: { $ref: `${SCHEMAS}${payloadName}` },
      correlationId: { description: 'the HTTP request that caused the event', location: '$message.header#/ce_requestid' },
      bindings: {
        kafka: {
          key: { type: 'string', description: `the payload's ${definition.key} (${definition.subjectKind} id): events with the same key keep their order` },
          bindingVersion: KAFKA_BINDING,
        },
      },
      'x-version': definition.version,
      'x-producer': definition.producer,
      'x-topic': channelIdOf(definition.topic.name),
    };
  }

  for (const group of Object.values(ConsumerGroups)) {
    const topic = deadLetterTopicFor(group);
    const channelId = `deadLetter-${group.split('.').pop()}`;
    channels[channelId] = {
      address: topic.name,
      title: topic.name,
      description: `${topic.description} The record is the original (key, value, ce_* headers) plus dlt.original.topic|partition|offset|timestamp, dlt.consumer.group, dlt.reason, dlt.exception.class|message, dlt.attempts and dlt.failed.at headers.`,
      messages: { deadLetter: { $ref: '#/components/messages/deadLetter' } },
      bindings: { kafka: { topic: topic.name, partitions: topic.partitions, topicConfiguration: { 'retention.ms': topic.retentionMs }, bindingVersion: KAFKA_BINDING } },
    };
    operations[`read-${channelId}`] = {
      action: 'receive',
      title: `Read ${topic.name}`,
      channel: { $ref: `#/channels/${channelId}` },
      messages: [{ $ref: `#/channels/${channelId}/messages/deadLetter` }],
    };
  }
  messages['deadLetter'] = {
    name: 'deadLetter',
    title: 'A record a consumer group could not process',
    contentType: 'application/json',
    headers: {
      type: 'object',
      properties: Object.fromEntries(
        ['dlt.original.topic', 'dlt.original.partition', 'dlt.original.offset', 'dlt.original.timestamp', 'dlt.consumer.group', 'dlt.reason', 'dlt.exception.class', 'dlt.exception.message', 'dlt.attempts', 'dlt.failed.at'].map(
          (name) => [name, { type: 'string' }],
        ),
      ),
    },
    payload: { description: 'the original record value, unchanged (possibly not JSON: it may be why it was dead-lettered)' },
  };

  // The payload classes and every class they refer to.
  const schemas: Record<string, Json> = {};
  const pending = [...used];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (schemas[name]) continue;
    const schema = all[name];
    if (!schema) throw new Error(`no JSON Schema for ${name}`);
    schemas[name] = schema;
    for (const match of JSON.stringify(schema).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) pending.push(match[1]);
  }

  return {
    asyncapi: '3.0.0',
    id: 'urn:org:socialmakers:event-streams',
    info: {
      title: 'Social(i)Makers event streams',
      version: '1.0.0',
      description:
        'Every topic and event type of the Social(i)Makers platform, generated from libs/contracts. Events are CloudEvents 1.0 in Kafka binary content mode: the record value is the event data as JSON, the attributes are ce_* headers, the key is the partition key. A v1 contract may gain optional fields; anything else is a new version (a new type, on a new topic when the shape of the topic changes). Read them with any Kafka client: see docs/streams.md.',
    },
    defaultContentType: 'application/json',
    servers: {
      local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The local broker of `npm start` (deploy/local/kafka.sh).' },
    },
    channels,
    operations,
    components: {
      messages,
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}
