import { definitionOf, EventCatalogue, eventTypesOnTopic, isKnownEventType, type EventType } from '../event-catalogue';
import { allTopics } from '../topics';

const definitions = Object.entries(EventCatalogue);
const EVENT_TYPE_NAME = /^org\.socialmakers\.[a-z]+(\.[a-z-]+)+\.v\d+$/;

describe('EventCatalogue', () => {
  const savedNamespace = process.env.KAFKA_NAMESPACE;
  beforeEach(() => delete process.env.KAFKA_NAMESPACE);
  afterAll(() => {
    if (savedNamespace !== undefined) process.env.KAFKA_NAMESPACE = savedNamespace;
  });

  it('has at least one event type', () => {
    expect(definitions.length).toBeGreaterThan(0);
  });

  it.each(definitions)('keys %s by its own type', (key, definition) => {
    expect(definition.type).toBe(key);
  });

  it.each(definitions)('names %s org.socialmakers.<service>.<subject>...v<version>, ending with its version', (type, definition) => {
    expect(type).toMatch(EVENT_TYPE_NAME);
    expect(type.endsWith(`.v${definition.version}`)).toBe(true);
  });

  it.each(definitions)('names the producer of %s as the second segment of its type', (type, definition) => {
    expect(type.split('.')[2]).toBe(definition.producer);
  });

  it.each(definitions)('publishes %s on a topic that is provisioned', (_type, definition) => {
    expect(allTopics().map((topic) => topic.name)).toContain(definition.topic.name);
  });

  it('lists every event type under the topic it travels on', () => {
    for (const [type, definition] of definitions) {
      expect(eventTypesOnTopic(definition.topic.name)).toContain(type);
    }
    expect(eventTypesOnTopic('socialmakers.no-such-topic.v1')).toEqual([]);
  });

  it('recognises catalogue types only, not prototype properties or other versions', () => {
    const [type] = definitions[0];

    expect(isKnownEventType(type)).toBe(true);
    expect(isKnownEventType(type.replace(/\.v\d+$/, '.v999'))).toBe(false);
    expect(isKnownEventType('toString')).toBe(false);
  });

  it('returns the definition of a type', () => {
    for (const [type, definition] of definitions) {
      expect(definitionOf(type as EventType)).toBe(definition);
    }
  });
});
