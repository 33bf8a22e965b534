import { samplesOf } from '../prometheus-samples';

const exposition = `# HELP outbox_backlog Outbox rows written but not yet published to Kafka
# TYPE outbox_backlog gauge
outbox_backlog 3
# HELP consumer_lag Records on a partition not yet committed by the consumer group
# TYPE consumer_lag gauge
consumer_lag{group="socialmakers.analytics",topic="learning.enrolments.v1",partition="0"} 12
consumer_lag{group="socialmakers.analytics",topic="learning.enrolments.v1",partition="1"} 0
consumer_lag_seconds{group="x"} 9
http_request_duration_seconds_bucket{le="0.005",route="/a \\"b\\""} 4
`;

describe('Prometheus samples', () => {
  it('reads an unlabelled gauge', () => {
    expect(samplesOf(exposition, 'outbox_backlog')).toEqual([{ labels: {}, value: 3 }]);
  });

  it('reads every labelled sample of a metric and nothing of a metric whose name merely starts the same', () => {
    expect(samplesOf(exposition, 'consumer_lag')).toEqual([
      { labels: { group: 'socialmakers.analytics', topic: 'learning.enrolments.v1', partition: '0' }, value: 12 },
      { labels: { group: 'socialmakers.analytics', topic: 'learning.enrolments.v1', partition: '1' }, value: 0 },
    ]);
  });

  it('unescapes label values', () => {
    expect(samplesOf(exposition, 'http_request_duration_seconds_bucket')[0].labels.route).toBe('/a "b"');
  });

  it('finds nothing in an empty exposition', () => {
    expect(samplesOf('', 'outbox_backlog')).toEqual([]);
  });
});
