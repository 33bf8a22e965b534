import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsPersonId } from '@socialmakers/contracts';
import type { Registration } from '../registration';

export class RegisterDto {
  @ApiPropertyOptional({ description: 'Whom to register; yourself when omitted (organisers may register others).' })
  @IsOptional()
  @IsPersonId()
  personId?: string;
}

export class RegistrationView {
  @ApiProperty() id: string;
  @ApiProperty() activityId: string;
  @ApiProperty() personId: string;
  @ApiProperty({ enum: ['confirmed', 'waitlisted', 'cancelled'] }) status: string;
  @ApiPropertyOptional() waitlistPosition?: number;
  @ApiProperty() registeredAt: string;
  @ApiPropertyOptional() promotedAt?: string;
  @ApiPropertyOptional() cancelledAt?: string;

  static of(r: Registration): RegistrationView {
    return {
      id: r.id,
      activityId: r.activityId,
      personId: r.personId,
      status: r.status,
      waitlistPosition: r.waitlistPosition,
      registeredAt: new Date(r.registeredAt).toISOString(),
      promotedAt: r.promotedAt ? new Date(r.promotedAt).toISOString() : undefined,
      cancelledAt: r.cancelledAt ? new Date(r.cancelledAt).toISOString() : undefined,
    };
  }
}
