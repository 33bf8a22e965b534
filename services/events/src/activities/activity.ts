import type { ActivityKind } from '@socialmakers/contracts';

export const ActivityStatus = { Scheduled: 'scheduled', Cancelled: 'cancelled', Held: 'held' } as const;
export type ActivityStatus = (typeof ActivityStatus)[keyof typeof ActivityStatus];

/** How a full workshop's waiting list moves up: in order of arrival, or Academy module completers first. */
export const WaitlistPriority = { FirstCome: 'first-come', ModuleCompletersFirst: 'module-completers-first' } as const;
export type WaitlistPriority = (typeof WaitlistPriority)[keyof typeof WaitlistPriority];

export const ProgrammeItemKind = { PracticalWorkshop: 'practical-workshop', PanelDiscussion: 'panel-discussion', FilmScreening: 'film-screening' } as const;
export type ProgrammeItemKind = (typeof ProgrammeItemKind)[keyof typeof ProgrammeItemKind];

export interface ProgrammeItem {
  kind: ProgrammeItemKind;
  title: string;
  startsAt: string;
  endsAt?: string;
}

export interface Activity {
  id: string;
  kind: ActivityKind;
  title: string;
  organiserId: string;
  country: string;
  city: string | null;
  venue: string | null;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  status: ActivityStatus;
  courseKey: string | null;
  moduleKey: string | null;
  lecturerIds: string[];
  programme: ProgrammeItem[];
  topic: string | null;
  joinLink: string | null;
  capacity: number | null;
  waitlistPriority: WaitlistPriority;
  walkIns: number;
  cancelReason: string | null;
  createdAt: Date;
  cancelledAt: Date | null;
  heldAt: Date | null;
}

export const ActivityErrorCode = {
  NotFound: 'ACTIVITY_NOT_FOUND',
  EndBeforeStart: 'ACTIVITY_ENDS_BEFORE_START',
  FestivalNotOneDay: 'FESTIVAL_NOT_ONE_DAY',
  MissingField: 'ACTIVITY_FIELD_MISSING',
  FieldNotForKind: 'ACTIVITY_FIELD_NOT_FOR_KIND',
  ProgrammeOutsideDay: 'PROGRAMME_ITEM_OUTSIDE_FESTIVAL',
  UnknownModule: 'UNKNOWN_ACADEMY_MODULE',
  AmbiguousModule: 'AMBIGUOUS_ACADEMY_MODULE',
  IdTaken: 'ACTIVITY_ID_TAKEN',
  Cancelled: 'ACTIVITY_CANCELLED',
  Held: 'ACTIVITY_ALREADY_HELD',
  NotYetStarted: 'ACTIVITY_NOT_STARTED',
  NotYourOrganisation: 'NOT_YOUR_ORGANISATION',
} as const;

/** The SELECT list that maps an activities row onto Activity. */
export const ACTIVITY_COLUMNS = `
  id, kind, title, organiser_id AS "organiserId", country, city, venue, time_zone AS "timeZone",
  starts_at AS "startsAt", ends_at AS "endsAt", status, course_key AS "courseKey", module_key AS "moduleKey",
  lecturer_ids AS "lecturerIds", programme, topic, join_link AS "joinLink", capacity,
  waitlist_priority AS "waitlistPriority", walk_ins AS "walkIns", cancel_reason AS "cancelReason",
  created_at AS "createdAt", cancelled_at AS "cancelledAt", held_at AS "heldAt"`;
