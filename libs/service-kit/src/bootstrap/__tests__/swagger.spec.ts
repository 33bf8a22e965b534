import { Body, Controller, Get, Post, type INestApplication } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { AuthModule, Public } from '@socialmakers/auth';
import { ObservabilityModule } from '@socialmakers/observability';
import { createSwaggerDocument } from '@socialmakers/service-kit';
import { IsString } from 'class-validator';

class CreateCourseDto {
  @ApiProperty({ example: 'Electronics for beginners' })
  @IsString()
  title: string;
}

@Controller('courses')
class CoursesController {
  @Post()
  create(@Body() _dto: CreateCourseDto): void {}

  @Public()
  @Get()
  list(): string[] {
    return [];
  }
}

describe('createSwaggerDocument', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ secret: 'x'.repeat(32) }), ObservabilityModule],
      controllers: [CoursesController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(() => app.close());

  it('describes the service, its routes and DTOs, with bearer tokens as the security scheme', () => {
    const document = createSwaggerDocument(app, 'learning');

    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe('learning service');
    expect(document.components?.securitySchemes).toEqual({
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    });
    expect(document.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(document.paths)).toEqual(['/courses']);
    expect(document.paths['/courses'].post?.requestBody).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateCourseDto' } } },
    });
    expect(document.components?.schemas?.CreateCourseDto).toMatchObject({ required: ['title'] });
  });

  it('leaves the Prometheus endpoint out of the API description', () => {
    expect(createSwaggerDocument(app, 'learning').paths['/metrics']).toBeUndefined();
  });
});
