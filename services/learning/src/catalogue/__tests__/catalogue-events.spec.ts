import { CoursePublishedV1, ModulePublishedV1, validatePayload } from '@socialmakers/contracts';
import { coursePublishedPayload, modulePublishedPayload } from '../catalogue-events';
import type { Course } from '../entities/course.entity';
import type { CourseModule } from '../entities/course-module.entity';

const course = { courseKey: 'academy', title: { en: 'Academy', sl: '' }, summary: { en: 'Seven modules.' } } as unknown as Course;
const moduleOf = (moduleKey: string, position: number, status: string, required = true) =>
  ({ courseKey: 'academy', moduleKey, position, title: { en: moduleKey }, summary: { en: `About ${moduleKey}` }, required, status }) as unknown as CourseModule;

describe('catalogue events', () => {
  const at = new Date('2018-09-10T08:00:00Z');

  it('carry only published modules, in course order, and fit their contracts', () => {
    const payload = coursePublishedPayload(course, [moduleOf('financing', 2, 'published'), moduleOf('draft-one', 3, 'draft'), moduleOf('intro', 1, 'published', false)], at);
    expect(payload.modules.map((m) => [m.moduleKey, m.position, m.required])).toEqual([
      ['intro', 1, false],
      ['financing', 2, true],
    ]);
    expect(payload.title).toEqual({ en: 'Academy' });
    expect(validatePayload(CoursePublishedV1.type, payload).ok).toBe(true);
    expect(validatePayload(ModulePublishedV1.type, modulePublishedPayload(moduleOf('intro', 1, 'published'), at)).ok).toBe(true);
  });
});
