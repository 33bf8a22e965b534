import { ApiProperty } from '@nestjs/swagger';

export class ModuleStartView {
  @ApiProperty() personId: string;
  @ApiProperty() courseKey: string;
  @ApiProperty() moduleKey: string;
  @ApiProperty() startedAt: string;
}
