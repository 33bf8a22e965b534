import { ConsumerGroups, deadLetterTopicFor, EventCatalogue, payloadJsonSchema, Topics, type EventType } from '@socialmakers/contracts';

/**
 * Renders docs/event-catalogue.md from the contracts library: topics, event types, keys and payload
 * schemas. A unit test fails when the committed document differs from this rendering, so the
 * catalogue a reader sees is the one the code enforces. Regenerate with `npm run docs:catalogue`.
 */
export function renderEventCatalogue(): string {
  const lines: string[] = [
    '# Event catalogue',
    '',
    '<!-- Generated from libs/contracts by `npm run docs:catalogue`; do not edit by hand. -->',
    '',
    'Every event is a CloudEvents 1.0 event carried in **binary content mode** over Kafka: the record',
    'value is the event data as JSON (`content-type: application/json`), the attributes travel as',
    '`ce_id`, `ce_source`, `ce_type`, `ce_subject`, `ce_time`, `ce_specversion` headers, plus the',
    'extension `ce_requestid` (the HTTP request that caused the event) and `ce_partitionkey`. The record',
    'key is the partition key named below; events with the same key keep their order.',
    '',
    'Consumers validate every event against this catalogue. Unknown fields are dropped, not refused, so',
    'a v1 contract may gain optional fields; any other change is a new version (a new type ending in',
    '`.v2`, on a new topic when the topic\'s shape changes). Topic names may carry an environment prefix',
    '(`KAFKA_NAMESPACE`).',
    '',
    '## Topics',
    '',
    '| topic | partitions | retention | what it carries |',
    '| --- | --- | --- | --- |',
  ];
  for (const topic of Object.values(Topics)) {
    lines.push(`| \`${topic.name}\` | ${topic.partitions} | ${topic.retentionMs < 0 ? 'forever' : `${topic.retentionMs / 86_400_000} days`} | ${topic.description} |`);
  }
  const dlt = deadLetterTopicFor('<group>');
  lines.push(
    `| \`<group>.dead-letter.v1\` | ${dlt.partitions} | ${dlt.retentionMs / 86_400_000} days | One per consumer group: records the group could not process, with \`dlt.*\` headers naming the original topic, partition, offset, timestamp, group, reason, exception class and message, attempts and time. |`,
    '',
    `Consumer groups: ${Object.values(ConsumerGroups).map((g) => `\`${g}\``).join(', ')}. Topics are provisioned from this catalogue by the services at start-up; broker auto-creation is off.`,
    '',
    '## Event types',
    '',
  );
  for (const type of Object.keys(EventCatalogue) as EventType[]) {
    const definition = EventCatalogue[type];
    lines.push(
      `### \`${type}\``,
      '',
      definition.description,
      '',
      `- version: ${definition.version}`,
      `- producer: ${definition.producer} (source \`/socialmakers/${definition.producer}\`)`,
      `- topic: \`${definition.topic.name}\``,
      `- Kafka key: the payload's \`${definition.key}\`; subject \`${definition.subjectKind}/<${definition.key}>\``,
      '',
      '```json',
      JSON.stringify(payloadJsonSchema(type), null, 2),
      '```',
      '',
    );
  }
  return `${lines.join('\n')}`;
}
