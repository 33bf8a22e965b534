import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '@socialmakers/auth';
import { CalendarService } from './calendar.service';
import { CalendarQueryDto } from './calendar-query.dto';

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('calendar.ics')
  @Public()
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('content-disposition', 'inline; filename="socialmakers-activities.ics"')
  @Header('cache-control', 'public, max-age=300')
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: 'Upcoming activities as an iCalendar feed to subscribe to (public), by country and kind' })
  async feed(@Query() query: CalendarQueryDto): Promise<string> {
    return this.calendar.feed(query);
  }
}
