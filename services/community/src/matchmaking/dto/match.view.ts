import { ApiProperty } from '@nestjs/swagger';

export class ScorePartsView {
  @ApiProperty({ description: 'Interests against what the other offers or funds, 0–1' }) topicFit: number;
  @ApiProperty({ description: 'Academy progress, weighted to the modules that prepare for this kind, 0–1' }) readiness: number;
  @ApiProperty({ description: 'Direct tie plus Adamic-Adar over common neighbours, 0–1' }) closeness: number;
  @ApiProperty({ description: 'Same country and a language in common, 0–1' }) geography: number;
}

export class MatchView {
  @ApiProperty() personId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() kind: string;
  @ApiProperty() country: string;
  @ApiProperty({ description: '0–100' }) score: number;
  @ApiProperty({ type: ScorePartsView }) parts: ScorePartsView;
  @ApiProperty({ example: 'Maja Kranjc funds social finance projects with grants; you both attended a workshop in SI on 12 October 2018; you completed the Financing module.' })
  explanation: string;
}

export class MatchesView {
  @ApiProperty() personId: string;
  @ApiProperty() kinds: string[];
  @ApiProperty({ type: [MatchView] }) matches: MatchView[];
}
