import type { CoursePublishedV1Payload, ModulePublishedV1Payload } from '@socialmakers/contracts';
import type { Course } from './entities/course.entity';
import type { CourseModule } from './entities/course-module.entity';
import { compactText } from './localize';

/** CoursePublishedV1 carries the course's published modules in order, so a consumer needs nothing else. */
export function coursePublishedPayload(course: Course, modules: CourseModule[], publishedAt: Date): CoursePublishedV1Payload {
  return {
    courseKey: course.courseKey,
    title: compactText(course.title),
    summary: compactText(course.summary),
    modules: modules
      .filter((module) => module.status === 'published')
      .sort((a, b) => a.position - b.position)
      .map((module) => ({
        moduleKey: module.moduleKey,
        position: module.position,
        title: compactText(module.title),
        summary: compactText(module.summary),
        required: module.required,
      })),
    publishedAt: publishedAt.toISOString(),
  };
}

export function modulePublishedPayload(module: CourseModule, publishedAt: Date): ModulePublishedV1Payload {
  return {
    courseKey: module.courseKey,
    moduleKey: module.moduleKey,
    position: module.position,
    title: compactText(module.title),
    summary: compactText(module.summary),
    required: module.required,
    publishedAt: publishedAt.toISOString(),
  };
}
