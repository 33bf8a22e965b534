import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Activity, ProgrammeItem } from '../activity';
import type { ActivityCounts } from '../activities.service';

export class ActivityView {
  @ApiProperty() id: string;
  @ApiProperty() kind: string;
  @ApiProperty() title: string;
  @ApiProperty() organiserId: string;
  @ApiProperty() country: string;
  @ApiPropertyOptional() city?: string;
  @ApiPropertyOptional() venue?: string;
  @ApiProperty() timeZone: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() status: string;
  @ApiPropertyOptional() courseKey?: string;
  @ApiPropertyOptional() moduleKey?: string;
  @ApiProperty({ type: [String] }) lecturerIds: string[];
  @ApiPropertyOptional() programme?: ProgrammeItem[];
  @ApiPropertyOptional() topic?: string;
  @ApiPropertyOptional() joinLink?: string;
  @ApiPropertyOptional() capacity?: number;
  @ApiProperty() waitlistPriority: string;
  @ApiPropertyOptional() cancelReason?: string;
  @ApiPropertyOptional() counts?: ActivityCounts;

  static of(activity: Activity, counts?: ActivityCounts): ActivityView {
    const optional = <T>(value: T | null): T | undefined => (value === null ? undefined : value);
    return {
      id: activity.id,
      kind: activity.kind,
      title: activity.title,
      organiserId: activity.organiserId,
      country: activity.country,
      city: optional(activity.city),
      venue: optional(activity.venue),
      timeZone: activity.timeZone,
      startsAt: new Date(activity.startsAt).toISOString(),
      endsAt: new Date(activity.endsAt).toISOString(),
      status: activity.status,
      courseKey: optional(activity.courseKey),
      moduleKey: optional(activity.moduleKey),
      lecturerIds: activity.lecturerIds,
      programme: activity.kind === 'festival' ? activity.programme : undefined,
      topic: optional(activity.topic),
      joinLink: optional(activity.joinLink),
      capacity: optional(activity.capacity),
      waitlistPriority: activity.waitlistPriority,
      cancelReason: optional(activity.cancelReason),
      counts,
    };
  }
}
