import { allTopics, ConsumerGroups, deadLetterTopicFor, Topics } from '../topics';

describe('topics', () => {
  const savedNamespace = process.env.KAFKA_NAMESPACE;
  beforeEach(() => delete process.env.KAFKA_NAMESPACE);
  afterAll(() => {
    if (savedNamespace !== undefined) process.env.KAFKA_NAMESPACE = savedNamespace;
  });

  it('names a dead-letter topic after its consumer group, versioned, kept 90 days on one partition', () => {
    expect(deadLetterTopicFor('socialmakers.community')).toEqual({
      name: 'socialmakers.community.dead-letter.v1',
      partitions: 1,
      retentionMs: 90 * 24 * 60 * 60 * 1000,
      description: expect.stringContaining('socialmakers.community'),
    });
  });

  it('provisions every domain topic and one dead-letter topic per consumer group', () => {
    const names = allTopics().map((topic) => topic.name);

    expect(names).toEqual(
      expect.arrayContaining([
        ...Object.values(Topics).map((topic) => topic.name),
        ...Object.values(ConsumerGroups).map((group) => `${group}.dead-letter.v1`),
      ]),
    );
    expect(names).toHaveLength(Object.keys(Topics).length + Object.keys(ConsumerGroups).length);
    expect(new Set(names).size).toBe(names.length);
  });

  it('versions every domain topic and keeps its records forever, so analytics can replay from offset 0', () => {
    for (const topic of Object.values(Topics)) {
      expect(topic.name).toMatch(/^socialmakers\.[a-z]+(\.[a-z-]+)*\.v\d+$/);
      expect(topic.retentionMs).toBe(-1);
    }
  });
});
