import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PersonRegistration, RegisteredActivity } from '../person-registrations.service';
import { RegistrationView } from './registration.dto';

export class RegisteredActivityView {
  @ApiProperty({ enum: ['workshop', 'festival', 'webinar'] }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty() organiserId: string;
  @ApiProperty() country: string;
  @ApiPropertyOptional() city?: string;
  @ApiProperty() timeZone: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ enum: ['scheduled', 'cancelled', 'held'] }) status: string;

  static of(activity: RegisteredActivity): RegisteredActivityView {
    return {
      kind: activity.kind,
      title: activity.title,
      organiserId: activity.organiserId,
      country: activity.country,
      city: activity.city ?? undefined,
      timeZone: activity.timeZone,
      startsAt: new Date(activity.startsAt).toISOString(),
      endsAt: new Date(activity.endsAt).toISOString(),
      status: activity.status,
    };
  }
}

/** A registration of the person with the activity it is for, so a list of them reads without another call per activity. */
export class PersonRegistrationView extends RegistrationView {
  @ApiProperty({ type: RegisteredActivityView }) activity: RegisteredActivityView;

  static override of(registration: PersonRegistration): PersonRegistrationView {
    return { ...RegistrationView.of(registration), activity: RegisteredActivityView.of(registration.activity) };
  }
}
