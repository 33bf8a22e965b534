import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ContactView {
  @ApiPropertyOptional({ nullable: true }) email: string | null;
  @ApiPropertyOptional({ nullable: true }) phone: string | null;
}

export class StakeholderView {
  @ApiProperty() personId: string;
  @ApiProperty() kind: string;
  @ApiProperty() displayName: string;
  @ApiProperty() country: string;
  @ApiProperty() languages: string[];
  @ApiProperty() topics: string[];
  @ApiProperty() tags: string[];
  @ApiProperty() seeks: string[];
  @ApiProperty() offers: string[];
  @ApiPropertyOptional({ nullable: true }) summary: string | null;
  @ApiPropertyOptional({ nullable: true }) organisationId: string | null;
  @ApiProperty() appearsInMatches: boolean;
  @ApiProperty() attendanceVisible: boolean;
  @ApiPropertyOptional({ type: ContactView, description: 'Only for the person, admins, and people with an accepted introduction' })
  contact?: ContactView;
  @ApiProperty() updatedAt: string;
}
