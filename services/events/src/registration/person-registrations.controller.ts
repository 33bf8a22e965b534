import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Role, Roles, type Principal } from '@socialmakers/auth';
import { BadRequestError } from '@socialmakers/service-kit';
import { PersonRegistrationView } from './dto/person-registration.view';
import { PersonRegistrationsService } from './person-registrations.service';
import { RegistrationErrorCode } from './registration';

const personIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestError(RegistrationErrorCode.PersonIdInvalid, 'personId in the path must be a UUID (the id the platform gives a person).'),
});

@ApiTags('registration')
@ApiBearerAuth()
@Controller('people/:personId/registrations')
@Roles(Role.Member, Role.Organiser, Role.Admin)
export class PersonRegistrationsController {
  constructor(private readonly registrations: PersonRegistrationsService) {}

  @Get()
  @ApiOperation({
    summary: "A person's registrations with their activities and waiting-list places, by start (themself, an admin, or an organiser for their organisation's activities)",
  })
  @ApiOkResponse({ type: [PersonRegistrationView] })
  async list(@Param('personId', personIdPipe) personId: string, @CurrentPrincipal() principal: Principal): Promise<PersonRegistrationView[]> {
    return (await this.registrations.of(principal, personId)).map((registration) => PersonRegistrationView.of(registration));
  }
}
