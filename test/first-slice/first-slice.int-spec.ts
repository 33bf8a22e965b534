import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { CloudEvent, Kafka as CloudEventsKafka, type KafkaMessage as CloudEventsKafkaMessage } from 'cloudevents';
import { ConsumerGroups, deadLetterTopicFor, ModuleCompletedV1, qualified, Topics, validatePayload } from '@socialmakers/contracts';
import { headersToStrings } from '@socialmakers/messaging';
import { metricValue, produceRaw, randomSuffix, readTopic, repoRoot, ServiceProcess, TestDatabase, waitFor } from '@socialmakers/testing';
import { completeModule, completionsCounted, localBroker, networkNode, prepareCourse } from './support';

/**
 * The first slice end to end on real parts: learning takes a module completion over HTTP, the event
 * goes through learning's outbox to Kafka, and community and analytics each project it once.
 */
describe('first slice: a module completion flows from learning to community and analytics', () => {
  const databases: TestDatabase[] = [];
  let learning: ServiceProcess;
  let community: ServiceProcess;
  let analytics: ServiceProcess;
  const topic = qualified(Topics.learningProgress.name);

  const recordsAbout = async (personId: string) =>
    (await readTopic(topic)).filter((r) => headersToStrings(r.message.headers)['ce_subject'] === `person/${personId}`);

  beforeAll(async () => {
    const [learningDb, communityDb, analyticsDb] = await Promise.all(
      ['learning', 'community', 'analytics'].map((name) => TestDatabase.create(`slice_${name}`)),
    );
    databases.push(learningDb, communityDb, analyticsDb);
    [learning, community, analytics] = await Promise.all([
      ServiceProcess.start('learning', { DATABASE_URL: learningDb.url }),
      ServiceProcess.start('community', { DATABASE_URL: communityDb.url }),
      ServiceProcess.start('analytics', { DATABASE_URL: analyticsDb.url }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([learning, community, analytics].map((service) => service?.stop()));
    await Promise.all(databases.map((db) => db.drop()));
  });

  it('publishes the event once, with an envelope valid against the catalogue, and both consumers project it', async () => {
    const personId = randomUUID();
    const courseKey = `course-${randomSuffix()}`;
    const requestId = `slice-${randomSuffix()}`;
    await prepareCourse(learning.url, courseKey, ['financing'], [personId]);

    const first = await completeModule(learning.url, personId, { courseKey, moduleKey: 'financing', country: 'SI', score: 80 }, requestId);
    expect(first.status).toBe(201);
    const again = await completeModule(learning.url, personId, { courseKey, moduleKey: 'financing', country: 'SI', score: 80 });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);

    await waitFor('analytics to count the completion', () => completionsCounted(analytics.url, courseKey), (n) => n === 1);
    const node = await waitFor('community to mark the node', () => networkNode(community.url, personId), (n) => (n?.modulesCompleted.length ?? 0) === 1);
    expect(node!.modulesCompleted[0].moduleKey).toBe('financing');

    const records = await recordsAbout(personId);
    expect(records).toHaveLength(1);
    const headers = headersToStrings(records[0].message.headers);
    const event = CloudEventsKafka.toEvent({
      key: records[0].message.key!.toString(),
      value: records[0].message.value!.toString(),
      headers,
      body: records[0].message.value!.toString(),
    } as CloudEventsKafkaMessage<string>) as CloudEvent<unknown>;
    expect(event.validate()).toBe(true);
    expect(event.type).toBe(ModuleCompletedV1.type);
    expect(event.source).toBe('/socialmakers/learning');
    expect(event.specversion).toBe('1.0');
    expect(headers['content-type']).toBe('application/json');
    expect(records[0].message.key!.toString()).toBe(personId);
    expect(event['requestid']).toBe(requestId);
    const checked = validatePayload(ModuleCompletedV1.type, event.data);
    expect(checked.ok).toBe(true);
    expect(event.data).toMatchObject({ personId, courseKey, moduleKey: 'financing', country: 'SI', score: 80 });

    // Idempotent projection: the completion is counted once, however long we wait.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await completionsCounted(analytics.url, courseKey)).toBe(1);
  });

  it('answers 201 while the broker is down and delivers every event once it is back', async () => {
    const personId = randomUUID();
    const courseKey = `course-${randomSuffix()}`;
    await prepareCourse(learning.url, courseKey, ['active-citizenship', 'design', 'financing'], [personId]);
    localBroker('down');
    try {
      for (const moduleKey of ['active-citizenship', 'design', 'financing']) {
        expect((await completeModule(learning.url, personId, { courseKey, moduleKey, country: 'AT' })).status).toBe(201);
      }
      expect(await metricValue(learning.url, 'outbox_backlog')).toBeGreaterThanOrEqual(3);
    } finally {
      localBroker('up');
    }
    await waitFor('analytics to count all three', () => completionsCounted(analytics.url, courseKey), (n) => n === 3, { timeoutMs: 90_000 });
    await waitFor('community to see all three', () => networkNode(community.url, personId), (n) => (n?.modulesCompleted.length ?? 0) === 3, { timeoutMs: 90_000 });
    await waitFor('the outbox to drain', () => metricValue(learning.url, 'outbox_backlog'), (n) => n === 0);
  });

  it('counts the same event delivered twice once', async () => {
    const personId = randomUUID();
    const courseKey = `course-${randomSuffix()}`;
    await prepareCourse(learning.url, courseKey, ['financing'], [personId]);
    expect((await completeModule(learning.url, personId, { courseKey, moduleKey: 'financing' })).status).toBe(201);
    await waitFor('the first delivery', () => completionsCounted(analytics.url, courseKey), (n) => n === 1);

    const duplicatesBefore = await metricValue(analytics.url, 'events_consumed_total', { outcome: 'duplicate' });
    const [record] = await recordsAbout(personId);
    await produceRaw(topic, [{ key: record.message.key, value: record.message.value, headers: record.message.headers }]);

    await waitFor(
      'analytics to absorb the duplicate',
      () => metricValue(analytics.url, 'events_consumed_total', { outcome: 'duplicate' }),
      (n) => n === duplicatesBefore + 1,
    );
    expect(await completionsCounted(analytics.url, courseKey)).toBe(1);
    expect((await networkNode(community.url, personId))!.modulesCompleted).toHaveLength(1);
  });

  it('dead-letters a malformed record with its origin, and later events still flow', async () => {
    const key = randomUUID();
    await produceRaw(topic, [{ key, value: 'this is not a CloudEvent' }]);
    const original = (await readTopic(topic)).find((r) => r.message.key?.toString() === key)!;

    for (const group of [ConsumerGroups.analytics, ConsumerGroups.community]) {
      const letters = await waitFor(
        `the ${group} dead letter`,
        async () => (await readTopic(deadLetterTopicFor(qualified(group)).name)).map((r) => headersToStrings(r.message.headers)),
        (all) => all.some((h) => h['dlt.original.offset'] === original.message.offset && h['dlt.original.partition'] === String(original.partition)),
      );
      const letter = letters.find((h) => h['dlt.original.offset'] === original.message.offset)!;
      expect(letter['dlt.original.topic']).toBe(topic);
      expect(letter['dlt.reason']).toBe('malformed');
      expect(letter['dlt.exception.message']).toMatch(/not a CloudEvent|ce_id/);
    }

    // The operator's command shows the same letter.
    const listed = execFileSync(process.execPath, ['-r', '@swc-node/register', 'tools/cli/dead-letters.ts', 'list', '--group', 'analytics', '--json'], {
      cwd: repoRoot,
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { originalOffset: string; reason: string; originalTopic: string });
    expect(listed).toContainEqual(expect.objectContaining({ originalOffset: original.message.offset, reason: 'malformed', originalTopic: topic }));

    const personId = randomUUID();
    const courseKey = `course-${randomSuffix()}`;
    await prepareCourse(learning.url, courseKey, ['design'], [personId]);
    expect((await completeModule(learning.url, personId, { courseKey, moduleKey: 'design' })).status).toBe(201);
    await waitFor('a later event to be counted', () => completionsCounted(analytics.url, courseKey), (n) => n === 1);
  });

  it('counts nothing twice when a consumer is killed in the middle of its work', async () => {
    const courseKey = `course-${randomSuffix()}`;
    const people = Array.from({ length: 300 }, () => randomUUID());
    await prepareCourse(learning.url, courseKey, ['implementation'], people);
    const writes = (async () => {
      for (let i = 0; i < people.length; i += 10) {
        const statuses = await Promise.all(
          people.slice(i, i + 10).map(async (personId) => (await completeModule(learning.url, personId, { courseKey, moduleKey: 'implementation' })).status),
        );
        expect(statuses.every((s) => s === 201)).toBe(true);
      }
    })();
    await waitFor('analytics to be part-way through', () => completionsCounted(analytics.url, courseKey), (n) => n > 0, { intervalMs: 20 });
    await analytics.kill();
    await writes;
    await analytics.restart();
    await waitFor('every completion to be counted', () => completionsCounted(analytics.url, courseKey), (n) => n >= 300, { timeoutMs: 60_000 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await completionsCounted(analytics.url, courseKey)).toBe(300);
  });

  it('keeps per-person order and loses nothing with two learning replicas relaying at once', async () => {
    const second = await ServiceProcess.start('learning', { DATABASE_URL: databases[0].url });
    try {
      const courseKey = `course-${randomSuffix()}`;
      const people = Array.from({ length: 10 }, () => randomUUID());
      const modules = Array.from({ length: 8 }, (_, i) => `module-${i + 1}`);
      await prepareCourse(learning.url, courseKey, modules, people);
      await Promise.all(
        people.map(async (personId, p) => {
          for (const [m, moduleKey] of modules.entries()) {
            const replica = (p + m) % 2 === 0 ? learning : second;
            expect((await completeModule(replica.url, personId, { courseKey, moduleKey })).status).toBe(201);
          }
        }),
      );
      await waitFor('all completions counted', () => completionsCounted(analytics.url, courseKey), (n) => n === people.length * modules.length);
      const records = await readTopic(topic);
      for (const personId of people) {
        const order = records
          .filter((r) => r.message.key?.toString() === personId)
          .map((r) => JSON.parse(r.message.value!.toString()).moduleKey);
        expect([...new Set(order)]).toEqual(modules);
      }
    } finally {
      await second.stop();
    }
  });
});
