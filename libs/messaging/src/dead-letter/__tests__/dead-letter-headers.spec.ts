import { deadLetterHeaders, withoutDeadLetterHeaders, type DeadLetterCause } from '../dead-letter-headers';

class ProjectionConflictError extends Error {
  override readonly name = 'ProjectionConflictError';
}

const originalHeaders = {
  ce_id: Buffer.from('0b9a3c52-5f0e-4d8a-9d7b-2e6f1a4c8d30'),
  ce_type: Buffer.from('org.socialmakers.learning.module.completed.v1'),
  'content-type': Buffer.from('application/json'),
};

const cause: DeadLetterCause = {
  topic: 'socialmakers.learning.progress.v1',
  partition: 3,
  offset: '1207',
  timestamp: '1773480600000',
  group: 'socialmakers.community',
  reason: 'handler',
  error: new ProjectionConflictError('member 6f1c2b9e is already counted'),
  attempts: 5,
};

const failedAt = new Date('2026-03-14T09:31:12.000Z');

describe('deadLetterHeaders', () => {
  it('names where the record came from, who failed on it, why, and when', () => {
    expect(deadLetterHeaders(originalHeaders, cause, failedAt)).toMatchObject({
      'dlt.original.topic': 'socialmakers.learning.progress.v1',
      'dlt.original.partition': '3',
      'dlt.original.offset': '1207',
      'dlt.original.timestamp': '1773480600000',
      'dlt.consumer.group': 'socialmakers.community',
      'dlt.reason': 'handler',
      'dlt.exception.class': 'ProjectionConflictError',
      'dlt.exception.message': 'member 6f1c2b9e is already counted',
      'dlt.attempts': '5',
      'dlt.failed.at': '2026-03-14T09:31:12.000Z',
    });
  });

  it('keeps the original headers unchanged, so the record can be replayed as it was', () => {
    const headers = deadLetterHeaders(originalHeaders, cause, failedAt);

    expect(headers).toMatchObject(originalHeaders);
    expect(withoutDeadLetterHeaders(headers)).toEqual(originalHeaders);
  });

  it('truncates a long exception message', () => {
    const long = 'x'.repeat(50_000);

    const message = String(deadLetterHeaders(originalHeaders, { ...cause, error: new Error(long) })['dlt.exception.message']);

    expect(message.length).toBeLessThanOrEqual(2000);
    expect(message.length).toBeGreaterThan(0);
    expect(long.startsWith(message)).toBe(true);
  });

  it('describes a thrown value that is not an Error', () => {
    const headers = deadLetterHeaders(originalHeaders, { ...cause, error: 'database said no' });

    expect(headers['dlt.exception.class']).toBe('Error');
    expect(headers['dlt.exception.message']).toBe('database said no');
  });

  it('replaces the dlt.* headers of a record that was dead-lettered before', () => {
    const earlier = deadLetterHeaders(originalHeaders, { ...cause, reason: 'contract', attempts: 1 }, new Date(0));

    const headers = deadLetterHeaders(earlier, cause, failedAt);

    expect(headers['dlt.reason']).toBe('handler');
    expect(headers['dlt.attempts']).toBe('5');
    expect(headers['dlt.failed.at']).toBe(failedAt.toISOString());
  });
});

describe('withoutDeadLetterHeaders', () => {
  it('strips only the dlt.* headers', () => {
    const headers = {
      ...originalHeaders,
      'dlt.reason': 'handler',
      'dlt.original.topic': 'socialmakers.learning.progress.v1',
      'x-dlt.note': 'kept: the prefix is not dlt.',
      dltx: 'kept',
    };

    expect(withoutDeadLetterHeaders(headers)).toEqual({ ...originalHeaders, 'x-dlt.note': 'kept: the prefix is not dlt.', dltx: 'kept' });
  });

  it('returns no headers for a record without any', () => {
    expect(withoutDeadLetterHeaders(undefined)).toEqual({});
  });
});
