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
      const recorded = await this.attendance.recordMany(manager, activity, sheet.entries);
      return {
        rows: sheet.rows,
        imported: recorded.length,
        alreadyRecorded: sheet.entries.length - recorded.length,
        rejected: sheet.rejected,
        duplicates: sheet.duplicates,
      };
    });
  }
}
