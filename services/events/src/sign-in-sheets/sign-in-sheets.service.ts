import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '@socialmakers/auth';
import { AttendanceService } from '../attendance/attendance.service';
import { readSignInSheet, type RejectedRow } from './sign-in-sheet';

export interface SheetImportReport {
  rows: number;
  imported: number;
  alreadyRecorded: number;
  rejected: RejectedRow[];
  duplicates: Array<{ line: number; sameAs: number }>;
}

@Injectable()
export class SignInSheetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attendance: AttendanceService,
  ) {}

  /**
   * Imports the good rows in one transaction (one insert for the attendances, one for their events)
   * and reports the others; importing the same sheet again records no one twice.
   */
  async import(principal: Principal, activityId: string, csv: string): Promise<SheetImportReport> {
    const sheet = readSignInSheet(csv);
    return this.dataSource.transaction(async (manager) => {
      const activity = await this.attendance.activityToRecord(manager, principal, activityId, 'import a sign-in sheet for it');
      // A paper sheet of an activity held before someone's erasure must not bring their name back.
      const erased: Array<{ personId: string; erasedAt: Date }> = await manager.query(
        `SELECT person_id AS "personId", erased_at AS "erasedAt" FROM erased_people WHERE person_id = ANY($1::uuid[]) AND erased_at >= $2`,
        [sheet.entries.map((entry) => entry.personId), activity.startsAt],
      );
      const erasedAt = new Map(erased.map((person) => [person.personId, new Date(person.erasedAt)]));
      const entries = sheet.entries.filter((entry) => !erasedAt.has(entry.personId));
      const refused = sheet.entries
        .filter((entry) => erasedAt.has(entry.personId))
        .map((entry) => ({ line: entry.line, reason: `this person asked to be erased on ${erasedAt.get(entry.personId)!.toISOString().slice(0, 10)}, after the activity; their attendance is not recorded again (count them among the walk-ins instead)` }));
      const recorded = await this.attendance.recordMany(manager, activity, entries);
      return {
        rows: sheet.rows,
        imported: recorded.length,
        alreadyRecorded: entries.length - recorded.length,
        rejected: [...sheet.rejected, ...refused].sort((a, b) => a.line - b.line),
        duplicates: sheet.duplicates,
      };
    });
  }
}
