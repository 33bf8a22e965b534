import type { EntityManager } from 'typeorm';
import { CourseCompletedV1, validatePayload } from '@socialmakers/contracts';
import type { EventOutbox, PendingEvent } from '@socialmakers/messaging';
import type { CertificatesService, CertificateToIssue } from '../../certificates/certificates.service';
import { CourseCompletionService } from '../course-completion.service';

const PERSON = '3f1c1a52-7a47-4f54-9a57-8b4c1f0e2a11';

function setUp(completedRows: unknown[]) {
  const query = jest.fn().mockResolvedValue(completedRows);
  const manager = { query } as unknown as EntityManager;
  const published: PendingEvent[][] = [];
  const outbox = { publishAll: jest.fn(async (_m: EntityManager, events: PendingEvent[]) => published.push(events)) } as unknown as EventOutbox;
  const issued: CertificateToIssue[][] = [];
  const certificates = { issueAll: jest.fn(async (_m: EntityManager, items: CertificateToIssue[]) => issued.push(items)) } as unknown as CertificatesService;
  return { service: new CourseCompletionService(outbox, certificates), manager, query, published, issued };
}

describe('CourseCompletionService', () => {
  it('asks the database once for the distinct candidates and does nothing more when no course is complete', async () => {
    const { service, manager, query, published, issued } = setUp([]);
    expect(await service.completeWhereDone(manager, [{ personId: PERSON, courseKey: 'academy' }, { personId: PERSON, courseKey: 'academy' }])).toBe(0);
    expect(query).toHaveBeenCalledTimes(1);
    expect(query.mock.calls[0][1]).toEqual([[PERSON], ['academy']]);
    expect(published).toEqual([]);
    expect(issued).toEqual([]);
  });

  it('publishes CourseCompletedV1 for each course completed and issues its certificate at the same moment', async () => {
    const completedAt = new Date('2018-12-01T10:00:00Z');
    const { service, manager, published, issued } = setUp([{ person_id: PERSON, course_key: 'academy', country: 'SI', completed_at: completedAt }]);
    expect(await service.completeWhereDone(manager, [{ personId: PERSON, courseKey: 'academy' }])).toBe(1);
    expect(published).toEqual([[{ type: CourseCompletedV1.type, payload: { personId: PERSON, courseKey: 'academy', country: 'SI', completedAt: '2018-12-01T10:00:00.000Z' } }]]);
    expect(validatePayload(CourseCompletedV1.type, published[0][0].payload).ok).toBe(true);
    expect(issued).toEqual([[{ personId: PERSON, courseKey: 'academy', country: 'SI', issuedAt: completedAt }]]);
  });

  it('asks nothing of the database for no candidates', async () => {
    const { service, manager, query } = setUp([]);
    expect(await service.completeWhereDone(manager, [])).toBe(0);
    expect(query).not.toHaveBeenCalled();
  });
});
