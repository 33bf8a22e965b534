import { ApiProperty } from '@nestjs/swagger';

export class RejectedRowView {
  @ApiProperty({ description: 'Line of the file (CSV: the header is line 1; NDJSON: the line; JSON rows: the 1-based index)' }) line: number;
  @ApiProperty({ example: 'There is no published course "unknown-course".' }) reason: string;
}

export class CreatedCountsView {
  @ApiProperty() enrolments: number;
  @ApiProperty() moduleCompletions: number;
  @ApiProperty() courseCompletions: number;
}

export class ImportReport {
  @ApiProperty() rowsReceived: number;
  @ApiProperty({ description: 'Rows that wrote an enrolment or a completion' }) rowsImported: number;
  @ApiProperty({ description: 'Good rows whose enrolment and completion were already on record (a re-run, or a repeated row)' }) rowsAlreadyOnRecord: number;
  @ApiProperty() rowsRejected: number;
  @ApiProperty({ type: CreatedCountsView }) created: CreatedCountsView;
  @ApiProperty({ type: [RejectedRowView] }) rejected: RejectedRowView[];
}
