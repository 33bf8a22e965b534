import { ApiProperty } from '@nestjs/swagger';

/** A period published to the public. */
export class PublicationView {
  @ApiProperty() publicationId: string;
  @ApiProperty({ example: { from: '2018-01-01', to: '2018-12-31' } }) period: { from: string; to: string };
  @ApiProperty() publishedAt: string;
  @ApiProperty({ description: 'the person id of the analyst or admin who published it' }) publishedBy: string;
}
