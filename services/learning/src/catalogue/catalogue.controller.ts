import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Role, Roles, type Principal } from '@socialmakers/auth';
import { CatalogueKeyPipe } from '../common/catalogue-key.pipe';
import { DisplayLanguage } from '../common/language';
import { CatalogueService } from './catalogue.service';
import { CourseView, ModuleView } from './dto/course.view';
import { UpsertCourseDto } from './dto/upsert-course.dto';
import { UpsertModuleDto } from './dto/upsert-module.dto';

const canSeeDrafts = (principal: Principal) => principal.roles.includes(Role.Admin);

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('courses')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @ApiOperation({ summary: 'The published courses with their published modules (admins also see drafts and archived ones)' })
  @ApiQuery({ name: 'lang', required: false, description: 'Language of the display texts (falls back to Accept-Language, then English)' })
  @ApiOkResponse({ type: [CourseView] })
  async list(@CurrentPrincipal() principal: Principal, @DisplayLanguage() language: string): Promise<CourseView[]> {
    const courses = await this.catalogue.listCourses(canSeeDrafts(principal));
    return courses.map(({ course, modules }) => CourseView.of(course, modules, language));
  }

  @Get(':courseKey')
  @ApiOperation({ summary: 'One course with its modules in order' })
  @ApiQuery({ name: 'lang', required: false })
  @ApiOkResponse({ type: CourseView })
  async get(
    @Param('courseKey', CatalogueKeyPipe) courseKey: string,
    @CurrentPrincipal() principal: Principal,
    @DisplayLanguage() language: string,
  ): Promise<CourseView> {
    const { course, modules } = await this.catalogue.getCourse(courseKey, canSeeDrafts(principal));
    return CourseView.of(course, modules, language);
  }

  @Put(':courseKey')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Create a draft course (201) or change its texts (200); a change is seen by others once the course is published again' })
  @ApiOkResponse({ type: CourseView })
  async upsert(
    @Param('courseKey', CatalogueKeyPipe) courseKey: string,
    @Body() dto: UpsertCourseDto,
    @DisplayLanguage() language: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CourseView> {
    const { course, created } = await this.catalogue.upsertCourse(courseKey, dto);
    response.status(created ? 201 : 200);
    return CourseView.of(course.course, course.modules, language);
  }

  @Put(':courseKey/modules/:moduleKey')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Create a draft module (201) or change it (200)' })
  @ApiOkResponse({ type: ModuleView })
  async upsertModule(
    @Param('courseKey', CatalogueKeyPipe) courseKey: string,
    @Param('moduleKey', CatalogueKeyPipe) moduleKey: string,
    @Body() dto: UpsertModuleDto,
    @DisplayLanguage() language: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ModuleView> {
    const { module, created } = await this.catalogue.upsertModule(courseKey, moduleKey, dto);
    response.status(created ? 201 : 200);
    return ModuleView.of(module, language);
  }

  @Post(':courseKey/publish')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Publish the course and its new or changed modules (emits course/module published); unchanged: nothing happens' })
  @ApiOkResponse({ type: CourseView })
  async publish(@Param('courseKey', CatalogueKeyPipe) courseKey: string, @DisplayLanguage() language: string): Promise<CourseView> {
    const { course } = await this.catalogue.publishCourse(courseKey);
    return CourseView.of(course.course, course.modules, language);
  }

  @Post(':courseKey/modules/:moduleKey/publish')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Publish one new or changed module of a published course' })
  @ApiOkResponse({ type: ModuleView })
  async publishModule(
    @Param('courseKey', CatalogueKeyPipe) courseKey: string,
    @Param('moduleKey', CatalogueKeyPipe) moduleKey: string,
    @DisplayLanguage() language: string,
  ): Promise<ModuleView> {
    const { module } = await this.catalogue.publishModule(courseKey, moduleKey);
    return ModuleView.of(module, language);
  }

  @Post(':courseKey/archive')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Archive a course: it keeps its records but takes no new enrolments or completions' })
  @ApiOkResponse({ type: CourseView })
  async archive(@Param('courseKey', CatalogueKeyPipe) courseKey: string, @DisplayLanguage() language: string): Promise<CourseView> {
    const { course, modules } = await this.catalogue.archiveCourse(courseKey);
    return CourseView.of(course, modules, language);
  }
}
