import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ConnectionView {
  @ApiProperty() personId: string;
  @ApiPropertyOptional({ nullable: true }) displayName: string | null;
  @ApiPropertyOptional({ nullable: true }) kind: string | null;
  @ApiProperty({ example: 'co-attended' }) type: string;
  @ApiProperty() weight: number;
  @ApiProperty() evidenceCount: number;
  @ApiProperty() firstAt: string;
  @ApiProperty() lastAt: string;
}

export class ConnectionsView {
  @ApiProperty() personId: string;
  @ApiProperty({ type: [ConnectionView] }) connections: ConnectionView[];
  @ApiProperty({ description: 'Ties the viewer may not see (no consent, hidden attendance), counted only' }) hiddenConnections: number;
  @ApiProperty() totalConnections: number;
}
