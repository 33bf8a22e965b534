import { ActivityKind } from '@socialmakers/contracts';
import { BadRequestError } from '../common/bad-request.error';
import { ActivityErrorCode } from './activity';
import type { ScheduleActivityDto } from './dto/schedule-activity.dto';

/** Fields that belong to one kind only; sending them for another kind is a mistake worth naming. */
const KIND_ONLY_FIELDS: Record<string, ActivityKind[]> = {
  moduleKey: [ActivityKind.Workshop],
  courseKey: [ActivityKind.Workshop],
  lecturerIds: [ActivityKind.Workshop],
  waitlistPriority: [ActivityKind.Workshop],
  programme: [ActivityKind.Festival],
  topic: [ActivityKind.Webinar],
  joinLink: [ActivityKind.Webinar],
  venue: [ActivityKind.Workshop, ActivityKind.Festival],
};

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export function assertEndsAfterStart(startsAt: string, endsAt: string): void {
  if (new Date(endsAt).getTime() <= new Date(startsAt).getTime()) {
    throw new BadRequestError(ActivityErrorCode.EndBeforeStart, `The activity ends (${endsAt}) before it starts (${startsAt}); endsAt must be after startsAt.`);
  }
}

function missing(kind: string, field: string, what: string): BadRequestError {
  return new BadRequestError(ActivityErrorCode.MissingField, `A ${kind} needs ${field}: ${what}.`, { field });
}

/** The rules each kind adds to the shape the DTO already checked. Throws a 400 naming the first broken rule. */
export function assertScheduleRules(dto: ScheduleActivityDto): void {
  assertEndsAfterStart(dto.startsAt, dto.endsAt);
  for (const [field, kinds] of Object.entries(KIND_ONLY_FIELDS)) {
    if ((dto as unknown as Record<string, unknown>)[field] !== undefined && !kinds.includes(dto.kind)) {
      throw new BadRequestError(ActivityErrorCode.FieldNotForKind, `${field} is only for ${kinds.map((k) => `${k}s`).join(' and ')}; a ${dto.kind} cannot have it.`, { field });
    }
  }
  switch (dto.kind) {
    case ActivityKind.Workshop:
      if (!dto.moduleKey) throw missing('workshop', 'moduleKey', 'the Academy module the workshop deepens');
      if (!dto.lecturerIds || dto.lecturerIds.length === 0) throw missing('workshop', 'lecturerIds', 'at least one lecturer (a person id)');
      if (!dto.venue) throw missing('workshop', 'venue', 'where it takes place');
      if (!dto.city) throw missing('workshop', 'city', 'the city it takes place in');
      return;
    case ActivityKind.Festival:
      assertOneDay(dto);
      if (!dto.programme || dto.programme.length === 0) throw missing('festival', 'programme', 'at least one item (practical workshop, panel discussion or film screening)');
      for (const [index, item] of dto.programme.entries()) {
        const starts = new Date(item.startsAt).getTime();
        const ends = item.endsAt ? new Date(item.endsAt).getTime() : starts;
        if (item.endsAt && ends <= starts) {
          throw new BadRequestError(ActivityErrorCode.EndBeforeStart, `Programme item ${index + 1} ("${item.title}") ends before it starts.`, { field: `programme.${index}` });
        }
        if (starts < new Date(dto.startsAt).getTime() || ends > new Date(dto.endsAt).getTime()) {
          throw new BadRequestError(
            ActivityErrorCode.ProgrammeOutsideDay,
            `Programme item ${index + 1} ("${item.title}") lies outside the festival's ${dto.startsAt} to ${dto.endsAt}.`,
            { field: `programme.${index}` },
          );
        }
      }
      return;
    case ActivityKind.Webinar:
      if (!dto.topic) throw missing('webinar', 'topic', 'what it is about');
      if (!dto.joinLink) throw missing('webinar', 'joinLink', 'the link participants join by');
      return;
  }
}

function assertOneDay(dto: ScheduleActivityDto): void {
  // The end instant itself may be midnight of the next day (a festival running until 24:00).
  const lastInstant = new Date(new Date(dto.endsAt).getTime() - 1);
  if (localDate(new Date(dto.startsAt), dto.timeZone) !== localDate(lastInstant, dto.timeZone)) {
    throw new BadRequestError(ActivityErrorCode.FestivalNotOneDay, `A festival lasts one day; this one runs from ${dto.startsAt} to ${dto.endsAt} in ${dto.timeZone}.`);
  }
}
