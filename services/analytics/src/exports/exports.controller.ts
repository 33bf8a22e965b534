import { Controller, Get, Query, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { payloadJsonSchema, type EventType } from '@socialmakers/contracts';
import { CurrentPrincipal, Role, Roles, type Principal } from '@socialmakers/auth';
import { parseCountries, parseEventTypes } from '../common/filters';
import { parsePeriod, type Period } from '../common/period';
import { Pseudonymiser } from '../privacy/pseudonymise';
import { ExportQueryDto } from './dto/export-query.dto';
import { EventLogService, type LoggedEvent } from '../streams/event-log.service';
import { csvHeader, csvRow } from './events-csv';
import { toXapiStatement, XAPI_TYPES } from './xapi';

const PAGE = 5000;
const currentYear = () => new Date().getUTCFullYear();

/**
 * Exports of the event log for a period (by when things happened), streamed page by page. Callers
 * who are not admins get no personal data: person ids become pseudonyms (privacy/pseudonymise.ts).
 */
@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly log: EventLogService,
    private readonly pseudonyms: Pseudonymiser,
    private readonly config: ConfigService,
  ) {}

  @Get('events.ndjson')
  @Roles(Role.Analyst, Role.Admin)
  @ApiProduces('application/x-ndjson')
  @ApiOperation({ summary: 'Events of some types, countries and a period as NDJSON (one CloudEvent-shaped object a line)' })
  async ndjson(
    @Query() query: ExportQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res() response: Response,
  ): Promise<void> {
    const filter = this.filterOf(query);
    const admin = principal.roles.includes(Role.Admin);
    response.type('application/x-ndjson; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="socialmakers-events-${filter.period.label.from}-${filter.period.label.to}.ndjson"`);
    await this.each(filter, (event) => response.write(`${JSON.stringify(this.view(event, admin))}\n`));
    response.end();
  }

  @Get('events.csv')
  @Roles(Role.Analyst, Role.Admin)
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Events as CSV: the envelope, then a column per payload field when one type is asked for' })
  async csv(
    @Query() query: ExportQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res() response: Response,
  ): Promise<void> {
    const filter = this.filterOf(query);
    const admin = principal.roles.includes(Role.Admin);
    const fields = filter.types.length === 1 ? this.fieldsOf(filter.types[0], admin) : undefined;
    response.type('text/csv; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="socialmakers-events-${filter.period.label.from}-${filter.period.label.to}.csv"`);
    response.write(csvHeader(fields));
    await this.each(filter, (event) => {
      const view = this.view(event, admin);
      response.write(csvRow({ ...event, subject: view.subject as string | null, data: view.data as Record<string, unknown> }, fields));
    });
    response.end();
  }

  @Get('xapi')
  @Roles(Role.Analyst, Role.Admin)
  @ApiOperation({ summary: 'The learning and attendance history of a period as xAPI 1.0.3 statements (a JSON array, as an LRS takes them)' })
  async xapi(
    @Query() query: ExportQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res() response: Response,
  ): Promise<void> {
    const filter = { ...this.filterOf({ ...query, type: undefined }), types: [...XAPI_TYPES] as EventType[] };
    const admin = principal.roles.includes(Role.Admin);
    const options = {
      homePage: this.config.get<string>('XAPI_HOME_PAGE') ?? 'https://socialmakers.eu',
      personName: (personId: string) => (admin ? personId : this.pseudonyms.pseudonym(personId)),
    };
    response.type('application/json; charset=utf-8');
    response.write('[');
    let first = true;
    await this.each(filter, (event) => {
      const statement = toXapiStatement(event, options);
      if (!statement) return;
      response.write(`${first ? '' : ','}\n${JSON.stringify(statement)}`);
      first = false;
    });
    response.end('\n]\n');
  }

  private filterOf(query: ExportQueryDto): { types: EventType[]; countries: string[]; period: Period } {
    return { types: parseEventTypes(query.type), countries: parseCountries(query.country), period: parsePeriod(query, currentYear()) };
  }

  private async each(filter: { types: EventType[]; countries: string[]; period: Period }, write: (event: LoggedEvent) => void): Promise<void> {
    let afterSeq = '0';
    for (;;) {
      const page = await this.log.page({ afterSeq, types: filter.types, countries: filter.countries, from: filter.period.from, to: filter.period.to, limit: PAGE });
      page.forEach(write);
      if (page.length < PAGE) return;
      afterSeq = page[page.length - 1].seq;
    }
  }

  private fieldsOf(type: EventType, admin: boolean): string[] {
    const fields = Object.keys((payloadJsonSchema(type).properties as Record<string, unknown>) ?? {});
    return admin ? fields : fields.filter((field) => field !== 'verificationCode');
  }

  private view(event: LoggedEvent, admin: boolean): Record<string, unknown> {
    return {
      seq: event.seq,
      id: event.id,
      source: event.source,
      type: event.type,
      subject: admin ? event.subject : this.pseudonyms.subject(event.subject),
      time: event.recordedAt,
      occurredAt: event.occurredAt,
      country: event.country,
      data: admin ? event.data : this.pseudonyms.data(event.data),
    };
  }
}
