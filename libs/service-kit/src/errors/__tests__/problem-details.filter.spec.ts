import { Body, Controller, Get, NotFoundException, Post, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  configureHttpApp,
  ConflictError,
  NotFoundError,
  UnprocessableError,
} from '@socialmakers/service-kit';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Min, ValidateNested } from 'class-validator';
import request from 'supertest';
import { QueryFailedError } from 'typeorm';
import { createMemoryLogger } from '../../__tests__/memory-logger';

class VenueDto {
  @IsString()
  @Length(4, 10)
  postcode: string;
}

class SessionDto {
  @IsInt()
  @Min(10)
  minutes: number;
}

class CreateWorkshopDto {
  @IsString()
  title: string;

  @IsInt()
  @Min(1)
  capacity: number;

  @ValidateNested()
  @Type(() => VenueDto)
  venue: VenueDto;

  @ValidateNested({ each: true })
  @Type(() => SessionDto)
  sessions: SessionDto[];
}

const WorkshopErrorCode = { WorkshopFull: 'WORKSHOP_FULL', UnknownWorkshop: 'UNKNOWN_WORKSHOP', InThePast: 'WORKSHOP_IN_THE_PAST' } as const;

@Controller('workshops')
class WorkshopsController {
  @Post()
  create(@Body() dto: CreateWorkshopDto): { created: boolean; capacityType: string } {
    return { created: true, capacityType: typeof dto.capacity };
  }

  @Get('full')
  full(): never {
    throw new ConflictError(WorkshopErrorCode.WorkshopFull, 'This workshop is full; choose another session.', {
      waitingListOpen: true,
      status: 999,
    });
  }

  @Get('missing')
  missing(): never {
    throw new NotFoundError(WorkshopErrorCode.UnknownWorkshop, 'No workshop has this id; check the link.');
  }

  @Get('past')
  past(): never {
    throw new UnprocessableError(WorkshopErrorCode.InThePast, 'This workshop has already taken place.');
  }

  @Get('nest-exception')
  nestException(): never {
    throw new NotFoundException('No such page.');
  }

  @Get('crash')
  crash(): never {
    throw new Error('connect ECONNREFUSED 10.0.0.7:5432 password=hunter2');
  }

  @Get('duplicate')
  duplicate(): never {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      constraint: 'uq_enrolment_person_workshop',
    });
    throw new QueryFailedError('INSERT INTO enrolment ...', [], driverError);
  }
}

describe('ProblemDetailsFilter with the platform ValidationPipe', () => {
  let app: INestApplication;
  const { logger, lines } = createMemoryLogger();

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [WorkshopsController] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    configureHttpApp(app, { logger });
    await app.init();
  });

  afterAll(() => app.close());
  beforeEach(() => lines.splice(0));

  const validWorkshop = { title: 'Soldering', capacity: '12', venue: { postcode: '1000' }, sessions: [{ minutes: 60 }] };

  it('accepts a valid body and transforms it into the DTO', async () => {
    const body = { ...validWorkshop, capacity: 12 };
    await request(app.getHttpServer()).post('/workshops').send(body).expect(201, { created: true, capacityType: 'number' });
  });

  it('answers 400 problem+json listing each field, with nested fields as dotted paths', async () => {
    const response = await request(app.getHttpServer())
      .post('/workshops')
      .set('x-request-id', 'req-400')
      .send({ title: 'Soldering', capacity: 0, venue: { postcode: '1' }, sessions: [{ minutes: 60 }, { minutes: 5 }] })
      .expect(400);

    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toEqual({
      type: 'urn:socialmakers:problem:validation-failed',
      title: 'Bad Request',
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'The request has invalid fields; correct those listed in errors and send it again.',
      instance: '/workshops',
      requestId: 'req-400',
      errors: [
        { field: 'capacity', message: 'capacity must not be less than 1' },
        { field: 'venue.postcode', message: 'postcode must be longer than or equal to 4 characters' },
        { field: 'sessions.1.minutes', message: 'minutes must not be less than 10' },
      ],
    });
  });

  it('refuses unknown fields instead of dropping them', async () => {
    const response = await request(app.getHttpServer())
      .post('/workshops')
      .send({ ...validWorkshop, capacity: 12, isAdmin: true })
      .expect(400);
    expect(response.body.errors).toEqual([{ field: 'isAdmin', message: 'property isAdmin should not exist' }]);
  });

  it.each([
    ['/workshops/full', 409, 'WORKSHOP_FULL', 'This workshop is full; choose another session.'],
    ['/workshops/missing', 404, 'UNKNOWN_WORKSHOP', 'No workshop has this id; check the link.'],
    ['/workshops/past', 422, 'WORKSHOP_IN_THE_PAST', 'This workshop has already taken place.'],
  ])('maps the DomainError of %s to %i with its code and sentence', async (path, status, code, detail) => {
    const response = await request(app.getHttpServer()).get(path).expect(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: `urn:socialmakers:problem:${code.toLowerCase().replace(/_/g, '-')}`, status, code, detail, instance: path });
    expect(typeof response.body.requestId).toBe('string');
  });

  it('keeps extension members of a DomainError, but never lets them replace standard ones', async () => {
    const response = await request(app.getHttpServer()).get('/workshops/full').expect(409);
    expect(response.body).toMatchObject({ waitingListOpen: true, status: 409 });
    expect(Object.keys(response.body)).toEqual([
      'type', 'title', 'status', 'detail', 'instance', 'requestId', 'waitingListOpen', 'code',
    ]);
  });

  it('keeps the message of a Nest HttpException', async () => {
    const response = await request(app.getHttpServer()).get('/workshops/nest-exception').expect(404);
    expect(response.body).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'No such page.' });
  });

  it('answers an unknown route in the same shape', async () => {
    const response = await request(app.getHttpServer()).get('/nowhere?token=abc').expect(404);
    expect(response.body).toMatchObject({ status: 404, detail: 'Cannot GET /nowhere?token=abc', instance: '/nowhere' });
  });

  it('answers a malformed JSON body with 400, not 500', async () => {
    const response = await request(app.getHttpServer())
      .post('/workshops')
      .set('Content-Type', 'application/json')
      .send('{"title": ')
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 400,
      detail: 'Unexpected end of JSON input',
      instance: '/workshops',
    });
    expect(typeof response.body.requestId).toBe('string');
  });

  it('answers a body over the size limit with 413', async () => {
    const response = await request(app.getHttpServer())
      .post('/workshops')
      .send({ ...validWorkshop, title: 'x'.repeat(200_000) })
      .expect(413);
    expect(response.body).toMatchObject({ status: 413, title: 'Payload Too Large', detail: 'request entity too large' });
  });

  it('maps a unique violation to 409 without naming the constraint', async () => {
    const response = await request(app.getHttpServer()).get('/workshops/duplicate').expect(409);
    expect(response.body).toMatchObject({ status: 409, code: 'ALREADY_EXISTS' });
    expect(JSON.stringify(response.body)).not.toContain('uq_enrolment');
    expect(lines).toContainEqual(expect.objectContaining({ level: 40, constraint: 'uq_enrolment_person_workshop' }));
  });

  it('hides an unexpected error behind a generic 500 and logs the real one with the request id', async () => {
    const response = await request(app.getHttpServer()).get('/workshops/crash').set('x-request-id', 'req-500').expect(500);
    expect(response.body).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail:
        'Something went wrong on our side. Try again later; if it keeps happening, contact support and quote the request id.',
      instance: '/workshops/crash',
      requestId: 'req-500',
    });
    expect(JSON.stringify(response.body)).not.toMatch(/ECONNREFUSED|hunter2|stack/);
    const logged = lines.find((line) => line.msg === 'request failed');
    expect(logged).toMatchObject({ level: 50, err: expect.objectContaining({ message: expect.stringContaining('ECONNREFUSED') }) });
  });
});
