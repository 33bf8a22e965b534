import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Role, Roles, type Principal } from '@socialmakers/auth';
import { AnalyticsErrorCode, BadQueryError } from '../common/bad-query.error';
import { parseCountries, parseEventTypes } from '../common/filters';
import { Pseudonymiser } from '../privacy/pseudonymise';
import { asyncApiDocument } from './asyncapi';
import { EventLogService, type LoggedEvent } from './event-log.service';

const POLL_MS = 500;
const KEEP_ALIVE_MS = 15_000;
const PAGE = 500;

let document: Record<string, unknown> | undefined;

/**
 * Open streams never finish by themselves, and a graceful shutdown waits for requests in flight:
 * on SIGTERM/SIGINT they are ended, and clients reconnect (elsewhere) with their Last-Event-ID.
 */
const openStreams = new Set<() => void>();
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => openStreams.forEach((end) => end()));

@ApiTags('streams')
@ApiBearerAuth()
@Controller('streams')
export class StreamsController {
  constructor(
    private readonly log: EventLogService,
    private readonly pseudonyms: Pseudonymiser,
  ) {}

  @Get('asyncapi.json')
  @Roles(Role.Analyst, Role.Admin)
  @ApiOperation({ summary: 'The AsyncAPI 3.0 document of every topic and event type, generated from the contracts' })
  asyncApi(): Record<string, unknown> {
    document ??= asyncApiDocument();
    return document;
  }

  /**
   * Server-sent events: every consumed event (after Last-Event-ID, or from now), filtered by type and
   * country. Each message's id is the event-log sequence number, so a client that reconnects (as
   * EventSource does by itself) resumes where it left off.
   */
  @Get('events')
  @Roles(Role.Analyst, Role.Admin)
  @ApiProduces('text/event-stream')
  @ApiOperation({ summary: 'A live stream of the events (server-sent events), resuming from Last-Event-ID' })
  @ApiHeader({ name: 'last-event-id', required: false, description: 'resume after this id (sent by EventSource on reconnect)' })
  @ApiQuery({ name: 'type', required: false, description: 'event types, comma-separated' })
  @ApiQuery({ name: 'country', required: false, description: 'ISO 3166-1 alpha-2 codes, comma-separated' })
  @ApiQuery({ name: 'after', required: false, description: 'start after this id (0: from the beginning); Last-Event-ID wins' })
  async events(
    @Query('type') type: string | string[] | undefined,
    @Query('country') country: string | string[] | undefined,
    @Query('after') after: string | undefined,
    @Headers('last-event-id') lastEventId: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const types = parseEventTypes(type);
    const countries = parseCountries(country);
    const resumeFrom = lastEventId ?? after;
    if (resumeFrom !== undefined && !/^\d{1,18}$/.test(resumeFrom)) {
      throw new BadQueryError(AnalyticsErrorCode.BadCursor, `Last-Event-ID (or after) must be an event id from this stream, a whole number; "${resumeFrom}" is not one.`);
    }
    let cursor = resumeFrom ?? (await this.log.lastSeq());
    const admin = principal.roles.includes(Role.Admin);

    response.status(200);
    response.setHeader('content-type', 'text/event-stream; charset=utf-8');
    response.setHeader('cache-control', 'no-cache, no-transform');
    response.setHeader('connection', 'keep-alive');
    response.setHeader('x-accel-buffering', 'no');
    response.flushHeaders();
    response.write(`retry: 2000\n: streaming after ${cursor}\n\n`);

    let open = true;
    const end = () => (open = false);
    request.on('close', end);
    openStreams.add(end);
    let quietSince = Date.now();
    while (open) {
      const events = await this.log.page({ afterSeq: cursor, types, countries, limit: PAGE });
      for (const event of events) {
        response.write(`id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(this.view(event, admin))}\n\n`);
        cursor = event.seq;
      }
      if (events.length === PAGE) continue;
      if (Date.now() - quietSince > KEEP_ALIVE_MS) {
        response.write(': keep-alive\n\n');
        quietSince = Date.now();
      }
      if (events.length > 0) quietSince = Date.now();
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    openStreams.delete(end);
    response.end();
  }

  private view(event: LoggedEvent, admin: boolean): Record<string, unknown> {
    return {
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
