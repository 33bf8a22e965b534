import { Body, Controller, HttpCode, PayloadTooLargeException, Post, Req, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ValidationFailedException } from '@socialmakers/service-kit';
import { Role, Roles } from '@socialmakers/auth';
import { parseCsv } from '@socialmakers/csv';
import { ImportReport } from './dto/import-report.view';
import { JsonImportDto } from './dto/json-import.dto';
import { rowsFromCsv, rowsFromNdjson } from './import-row';
import { ImportService } from './import.service';

/** Big enough for the programme's whole history many times over (10,000 rows of CSV are about 1 MB). */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

@ApiTags('import')
@ApiBearerAuth()
@Controller('imports')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @Post('learners')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({
    summary:
      'Import existing learners: rows of enrolments and module completions as CSV (text/csv, with a header line), NDJSON (application/x-ndjson) or JSON ({"rows": [...]}). Good rows are imported, each rejected row is reported with its line and reason, and re-running a file imports nothing twice.',
  })
  @ApiConsumes('application/json', 'text/csv', 'application/x-ndjson')
  @ApiBody({ type: JsonImportDto })
  @ApiOkResponse({ type: ImportReport })
  async importFile(@Req() request: Request, @Body() body: unknown): Promise<ImportReport> {
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type === 'application/json') return this.imports.importRows(jsonRows(body).map((values, index) => ({ line: index + 1, values })));
    // Nest parses only JSON and form bodies: CSV and NDJSON arrive unread, so files of any
    // realistic size pass without touching the platform's JSON body limit.
    const text = await readText(request);
    if (type === 'text/csv') {
      const { rows, rejected } = rowsFromCsv(parseCsv(text));
      return this.imports.importRows(rows, rejected);
    }
    if (type === 'application/x-ndjson' || type === 'application/jsonl') {
      const { rows, rejected } = rowsFromNdjson(text);
      return this.imports.importRows(rows, rejected);
    }
    throw new UnsupportedMediaTypeException('Send the rows as text/csv, application/x-ndjson or application/json.');
  }
}

async function readText(request: Request): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FILE_BYTES) throw new PayloadTooLargeException(`Import files may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB; split the file.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The JSON body is checked here rather than by the DTO pipe, because the same route also takes unparsed CSV and NDJSON. */
function jsonRows(body: unknown): Array<Record<string, unknown>> {
  const fields: Array<{ field: string; message: string }> = [];
  const object = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  if (!object) fields.push({ field: 'body', message: 'the body must be a JSON object with rows' });
  else {
    for (const key of Object.keys(object)) if (key !== 'rows') fields.push({ field: key, message: `property ${key} should not exist` });
    const rows = object.rows;
    if (!Array.isArray(rows)) fields.push({ field: 'rows', message: 'rows must be an array of objects' });
    else if (rows.some((row) => row === null || typeof row !== 'object' || Array.isArray(row))) fields.push({ field: 'rows', message: 'each row must be an object' });
    else if (rows.length > 50_000) fields.push({ field: 'rows', message: 'rows may hold at most 50000 rows' });
  }
  if (fields.length > 0) throw new ValidationFailedException(fields);
  return (object as { rows: Array<Record<string, unknown>> }).rows;
}
