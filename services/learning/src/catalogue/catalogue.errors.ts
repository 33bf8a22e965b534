import { ConflictError, NotFoundError } from '@socialmakers/service-kit';

export const CatalogueErrorCode = {
  CourseNotFound: 'COURSE_NOT_FOUND',
  ModuleNotFound: 'MODULE_NOT_FOUND',
  CourseNotPublished: 'COURSE_NOT_PUBLISHED',
  CourseArchived: 'COURSE_ARCHIVED',
  CourseHasNoModules: 'COURSE_HAS_NO_MODULES',
} as const;
export type CatalogueErrorCode = (typeof CatalogueErrorCode)[keyof typeof CatalogueErrorCode];

export const courseNotFound = (courseKey: string) =>
  new NotFoundError(CatalogueErrorCode.CourseNotFound, `There is no course "${courseKey}" in the catalogue.`, { courseKey });

export const moduleNotFound = (courseKey: string, moduleKey: string) =>
  new NotFoundError(CatalogueErrorCode.ModuleNotFound, `The course "${courseKey}" has no published module "${moduleKey}".`, { courseKey, moduleKey });

export const courseNotPublished = (courseKey: string) =>
  new ConflictError(CatalogueErrorCode.CourseNotPublished, `The course "${courseKey}" is not published yet; publish the course first.`, { courseKey });

export const courseArchived = (courseKey: string) =>
  new ConflictError(CatalogueErrorCode.CourseArchived, `The course "${courseKey}" is archived and takes no new enrolments or completions.`, { courseKey });

export const courseHasNoModules = (courseKey: string) =>
  new ConflictError(CatalogueErrorCode.CourseHasNoModules, `The course "${courseKey}" has no modules; add at least one before publishing it.`, { courseKey });
