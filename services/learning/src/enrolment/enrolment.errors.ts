import { ConflictError, NotFoundError } from '@socialmakers/service-kit';

export const EnrolmentErrorCode = {
  NotEnrolled: 'NOT_ENROLLED',
  EnrolmentNotFound: 'ENROLMENT_NOT_FOUND',
} as const;

export const notEnrolled = (personId: string, courseKey: string, withdrawn: boolean) =>
  new ConflictError(
    EnrolmentErrorCode.NotEnrolled,
    withdrawn
      ? `You withdrew from the course "${courseKey}"; enrol in it again before completing its modules.`
      : `You are not enrolled in the course "${courseKey}"; enrol in it before starting or completing its modules.`,
    { personId, courseKey },
  );

export const enrolmentNotFound = (personId: string, courseKey: string) =>
  new NotFoundError(EnrolmentErrorCode.EnrolmentNotFound, `There is no enrolment of this person in the course "${courseKey}".`, { personId, courseKey });
