import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CatalogueService, type CatalogueModule } from './catalogue.service';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get('modules')
  @ApiOperation({ summary: 'The Academy modules this service knows from learning\'s events (what workshops may deepen)' })
  @ApiQuery({ name: 'courseKey', required: false })
  async modules(@Query('courseKey') courseKey?: string): Promise<{ modules: CatalogueModule[] }> {
    return { modules: await this.catalogue.modules(courseKey || undefined) };
  }
}
