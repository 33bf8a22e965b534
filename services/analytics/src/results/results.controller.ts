import { Body, Controller, Get, Header, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Public, Role, Roles, type Principal } from '@socialmakers/auth';
import { parsePeriod } from '../common/period';
import { ModuleCompletionsQueryDto } from './dto/module-completions-query.dto';
import { ModuleCompletionsView } from './dto/module-completions.view';
import { PublicationView } from './dto/publication.view';
import { ReportQueryDto } from './dto/report-query.dto';
import { infographicHtml, infographicSvg } from './infographic';
import { headlineOf, type HeadlineFigures, type ResultsReport } from './report';
import { reportToCsv } from './report-csv';
import { PublicationService } from './publication.service';
import { ReportService } from './report.service';
import { ResultsService } from './results.service';

const currentYear = () => new Date().getUTCFullYear();

@ApiTags('results')
@ApiBearerAuth()
@Controller('results')
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly reports: ReportService,
    private readonly publications: PublicationService,
  ) {}

  /** The figures of a published period (the latest unless one is asked for): all the public may see. */
  private async publishedHeadline(query: ReportQueryDto): Promise<HeadlineFigures> {
    return headlineOf(await this.reports.report(await this.publications.publishedPeriod(query)));
  }

  @Post('publications')
  @Roles(Role.Analyst, Role.Admin)
  @ApiOperation({ summary: 'Publishes a period (year, or from/to): the public infographic and headline figures show the latest publication' })
  @ApiCreatedResponse({ type: PublicationView })
  publish(@Body() body: ReportQueryDto, @CurrentPrincipal() principal: Principal): Promise<PublicationView> {
    return this.publications.publish(body, principal.personId);
  }

  @Get('published')
  @Public()
  @ApiOperation({ summary: 'The published periods, the latest first (public: periods and dates only)' })
  async published(): Promise<Array<{ period: { from: string; to: string }; publishedAt: string }>> {
    return (await this.publications.list()).map(({ period, publishedAt }) => ({ period, publishedAt }));
  }

  @Get('publications')
  @Roles(Role.Analyst, Role.Admin)
  @ApiOperation({ summary: 'The published periods, the latest first' })
  @ApiOkResponse({ type: [PublicationView] })
  listPublications(): Promise<PublicationView[]> {
    return this.publications.list();
  }

  @Get('module-completions')
  @Roles(Role.Analyst, Role.Admin)
  @ApiOperation({ summary: 'Academy module completions per module and country, built from the event stream' })
  @ApiOkResponse({ type: ModuleCompletionsView })
  moduleCompletions(@Query() query: ModuleCompletionsQueryDto): Promise<ModuleCompletionsView> {
    return this.results.moduleCompletions(query.courseKey);
  }

  @Get('report')
  @Roles(Role.Analyst, Role.Admin)
  @ApiOperation({ summary: "The programme's results for a period (a calendar year by default), as JSON" })
  report(@Query() query: ReportQueryDto): Promise<ResultsReport> {
    return this.reports.report(parsePeriod(query, currentYear()));
  }

  @Get('report.csv')
  @Roles(Role.Analyst, Role.Admin)
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The same report as CSV: one line per section, metric, dimension and key' })
  async reportCsv(@Query() query: ReportQueryDto, @Res() response: Response): Promise<void> {
    const period = parsePeriod(query, currentYear());
    const csv = reportToCsv(await this.reports.report(period));
    response
      .type('text/csv; charset=utf-8')
      .setHeader('content-disposition', `attachment; filename="socialmakers-results-${period.label.from}-${period.label.to}.csv"`)
      .send(csv);
  }

  @Get('headline')
  @Public()
  @ApiOperation({ summary: 'The headline figures of the latest published period, or of a published period asked for (public: counts only)' })
  headline(@Query() query: ReportQueryDto): Promise<HeadlineFigures> {
    return this.publishedHeadline(query);
  }

  @Get('infographic.svg')
  @Public()
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  @ApiProduces('image/svg+xml')
  @ApiOperation({ summary: 'The results infographic of the latest published period (or a published period asked for) as SVG (public)' })
  async infographic(@Query() query: ReportQueryDto): Promise<string> {
    return infographicSvg(await this.publishedHeadline(query));
  }

  @Get('infographic.html')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The results infographic of the latest published period (or a published period asked for) as a printable HTML page (public)' })
  async infographicPage(@Query() query: ReportQueryDto): Promise<string> {
    return infographicHtml(await this.publishedHeadline(query));
  }
}
