/**
 * Every Kafka topic the platform owns. Names carry a version: a breaking change to a topic's
 * contract is a new topic, never an in-place edit. Domain topics keep their records forever
 * (retention -1) because analytics rebuilds its projections by replaying them from offset 0.
 */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  /** Milliseconds; -1 keeps records forever. */
  readonly retentionMs: number;
  readonly description: string;
}

const KEEP_FOREVER = -1;
const NINETY_DAYS = 90 * 24 * 60 * 60 * 1000;

export const Topics = {
  learningCatalogue: {
    name: 'socialmakers.learning.catalogue.v1',
    partitions: 1,
    retentionMs: KEEP_FOREVER,
    description: "The Academy's catalogue: courses and modules as they are published. Keyed by course key.",
  },
  learningEnrolment: {
    name: 'socialmakers.learning.enrolment.v1',
    partitions: 6,
    retentionMs: KEEP_FOREVER,
    description: 'Enrolments in Academy courses, created and withdrawn. Keyed by person id.',
  },
  learningProgress: {
    name: 'socialmakers.learning.progress.v1',
    partitions: 6,
    retentionMs: KEEP_FOREVER,
    description: 'What learners achieve in the Academy: module and course completions, certificates. Keyed by person id.',
  },
  eventsActivity: {
    name: 'socialmakers.events.activity.v1',
    partitions: 3,
    retentionMs: KEEP_FOREVER,
    description: 'Workshops, festivals and webinars: scheduled, rescheduled, cancelled, held. Keyed by activity id.',
  },
  eventsRegistration: {
    name: 'socialmakers.events.registration.v1',
    partitions: 6,
    retentionMs: KEEP_FOREVER,
    description: 'Registrations for activities and waiting-list promotions. Keyed by activity id, so a waiting list keeps its order.',
  },
  eventsAttendance: {
    name: 'socialmakers.events.attendance.v1',
    partitions: 6,
    retentionMs: KEEP_FOREVER,
    description: 'Who took part in an activity (check-ins, sign-in sheets) and walk-in headcounts. Keyed by activity id.',
  },
  communityStakeholders: {
    name: 'socialmakers.community.stakeholder.v1',
    partitions: 3,
    retentionMs: KEEP_FOREVER,
    description: 'Stakeholder profiles registered and updated (no personal data), and erasure requests every service honours. Keyed by person id.',
  },
  communityIntroductions: {
    name: 'socialmakers.community.introduction.v1',
    partitions: 3,
    retentionMs: KEEP_FOREVER,
    description: 'Introductions requested, accepted, declined and expired, and the connections they form. Keyed by introduction id.',
  },
  communityNetwork: {
    name: 'socialmakers.community.network.v1',
    partitions: 1,
    retentionMs: KEEP_FOREVER,
    description: "Snapshots of the network's per-country ecosystem indicators after each recompute. Keyed by snapshot id.",
  },
} as const satisfies Record<string, TopicSpec>;

export type TopicName = (typeof Topics)[keyof typeof Topics]['name'];

/**
 * The consumer groups of the platform. Each has its own dead-letter topic, so an operator sees and
 * replays one service's failures without touching another's.
 */
export const ConsumerGroups = {
  community: 'socialmakers.community',
  analytics: 'socialmakers.analytics',
  learning: 'socialmakers.learning',
  events: 'socialmakers.events',
} as const;

export type ConsumerGroup = (typeof ConsumerGroups)[keyof typeof ConsumerGroups];

/** The dead-letter topic of a (qualified) consumer group. */
export function deadLetterTopicFor(group: string): TopicSpec {
  return {
    name: `${group}.dead-letter.v1`,
    partitions: 1,
    retentionMs: NINETY_DAYS,
    description: `Events the ${group} consumer group could not process, with the reason in dlt.* headers.`,
  };
}

/**
 * Kafka names may carry an environment namespace (KAFKA_NAMESPACE, e.g. "staging." or a test run's
 * id) so that several environments, or test runs, share one cluster without seeing each other.
 * Contracts keep the bare names; everything that talks to the broker qualifies them here.
 */
export function qualified(name: string): string {
  return `${process.env.KAFKA_NAMESPACE ?? ''}${name}`;
}

/** Every topic to provision: domain topics plus one dead-letter topic per consumer group. */
export function allTopics(): TopicSpec[] {
  return [
    ...Object.values(Topics).map((topic) => ({ ...topic, name: qualified(topic.name) })),
    ...Object.values(ConsumerGroups).map((group) => deadLetterTopicFor(qualified(group))),
  ];
}
