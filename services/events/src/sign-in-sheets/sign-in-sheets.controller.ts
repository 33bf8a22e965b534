import { Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Req, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal, Role, Roles, type Principal } from '@socialmakers/auth';
import { SignInSheetsService, type SheetImportReport } from './sign-in-sheets.service';

@ApiTags('attendance')
@ApiBearerAuth()
@Controller('activities/:activityId/sign-in-sheets')
@Roles(Role.Organiser, Role.Admin)
export class SignInSheetsController {
  constructor(private readonly sheets: SignInSheetsService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'name,email,organisation,country,role\nAna Novak,ana@example.org,Zavod Ypsilon,SI,innovator\n' } })
  @ApiOperation({ summary: 'Import a sign-in sheet (CSV: name, email, organisation, country, role); bad rows are reported by line, good ones imported' })
  async import(@Param('activityId', new ParseUUIDPipe()) activityId: string, @Req() request: Request, @CurrentPrincipal() principal: Principal): Promise<SheetImportReport> {
    if (typeof request.body !== 'string') throw new UnsupportedMediaTypeException('Send the sign-in sheet as text/csv (content-type: text/csv).');
    return this.sheets.import(principal, activityId, request.body);
  }
}
