import { api, send } from './client';

export type ActivityKind = 'workshop' | 'festival' | 'webinar';
export const ACTIVITY_KINDS: ActivityKind[] = ['workshop', 'festival', 'webinar'];

export interface Activity {
  id: string;
  kind: ActivityKind;
  title: string;
  organiserId: string;
  country: string;
  city?: string;
  venue?: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  status: 'scheduled' | 'cancelled' | 'held';
  moduleKey?: string;
  topic?: string;
  capacity?: number;
}

export interface Registration {
  id: string;
  activityId: string;
  personId: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  waitlistPosition?: number;
  registeredAt: string;
}

/** A registration in a person's list, with the activity it is for. */
export interface PersonRegistration extends Registration {
  activity: Pick<Activity, 'kind' | 'title' | 'organiserId' | 'country' | 'city' | 'timeZone' | 'startsAt' | 'endsAt' | 'status'>;
}

export interface Attendance {
  id: string;
  activityId: string;
  personId: string;
  source: string;
  recordedAt: string;
}

export interface SheetImportReport {
  rows: number;
  imported: number;
  alreadyRecorded: number;
  rejected: Array<{ line: number; reason: string }>;
  duplicates: Array<{ line: number; sameAs: number }>;
}

export interface ScheduleActivity {
  kind: ActivityKind;
  title: string;
  organiserId: string;
  country: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  city?: string;
  venue?: string;
  moduleKey?: string;
  lecturerIds?: string[];
  topic?: string;
  joinLink?: string;
  capacity?: number;
  programme?: Array<{ kind: string; title: string; startsAt: string }>;
}

export const eventsApi = {
  activities: (query: { status?: string; organiserId?: string; country?: string; kind?: string } = {}) => api<Activity[]>('events/activities', { query }),
  schedule: (body: ScheduleActivity) => api<Activity>('events/activities', { method: 'POST', body }),
  markHeld: (id: string) => api<Activity>(`events/activities/${id}/held`, { method: 'POST' }),
  register: (activityId: string) => api<Registration>(`events/activities/${activityId}/registrations`, { method: 'POST', body: {} }),
  cancelRegistration: (activityId: string, personId: string) => api<Registration>(`events/activities/${activityId}/registrations/${personId}`, { method: 'DELETE' }),
  /** Every registration of the person (any state), with the activity each is for. */
  registrationsOf: (personId: string) => api<PersonRegistration[]>(`events/people/${personId}/registrations`),
  registrations: (activityId: string) => api<Registration[]>(`events/activities/${activityId}/registrations`),
  checkIn: (activityId: string, personId: string) => api<Attendance>(`events/activities/${activityId}/check-ins`, { method: 'POST', body: { personId } }),
  attendances: (activityId: string) =>
    api<{ participants: Attendance[]; participantCount: number; walkIns: number; total: number }>(`events/activities/${activityId}/attendances`),
  importSheet: (activityId: string, csv: string) =>
    api<SheetImportReport>(`events/activities/${activityId}/sign-in-sheets`, { method: 'POST', raw: { body: csv, contentType: 'text/csv' } }),
  catalogueModules: () => api<{ modules: Array<{ courseKey: string; moduleKey: string; title?: string }> }>('events/catalogue/modules'),
  /** The public iCalendar feed (no token needed). */
  calendar: async (): Promise<string> => (await send('events/calendar.ics')).text(),
};

/** The feed's address to subscribe to in a calendar application. */
export const CALENDAR_PATH = '/api/events/calendar.ics';
