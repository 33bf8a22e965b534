import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ContactView } from '../../stakeholders/dto/stakeholder.view';

export class IntroductionView {
  @ApiProperty() id: string;
  @ApiProperty() requesterId: string;
  @ApiProperty() recipientId: string;
  @ApiPropertyOptional({ nullable: true }) message: string | null;
  @ApiProperty({ enum: ['pending', 'accepted', 'declined', 'expired', 'withdrawn'] }) status: string;
  @ApiProperty() requestedAt: string;
  @ApiProperty() expiresAt: string;
  @ApiPropertyOptional({ nullable: true }) answeredAt: string | null;
  @ApiPropertyOptional({ description: 'Both contacts, once the introduction is accepted' })
  contacts?: { requester: ContactView; recipient: ContactView };
}
