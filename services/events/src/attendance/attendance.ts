import type { AttendanceSource, StakeholderRole } from '@socialmakers/contracts';

export interface Attendance {
  id: string;
  activityId: string;
  personId: string;
  source: AttendanceSource;
  name: string | null;
  organisation: string | null;
  personCountry: string | null;
  role: StakeholderRole | null;
  recordedAt: Date;
}

/** One named participant to record; name and organisation stay with the organiser's records, never in events. */
export interface AttendanceEntry {
  personId: string;
  source: AttendanceSource;
  name?: string;
  organisation?: string;
  personCountry?: string;
  role?: StakeholderRole;
}

export const ATTENDANCE_COLUMNS = `id, activity_id AS "activityId", person_id AS "personId", source, name, organisation,
  person_country AS "personCountry", role, recorded_at AS "recordedAt"`;
