import { Type } from 'class-transformer';
import { IsArray, IsInt, IsNumber, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { IsCountryCode, IsTimestamp } from '../../validation/validators';

export class CountryNetworkIndicatorsV1 {
  @IsCountryCode() country: string;
  @IsInt() @Min(0) people: number;
  @IsInt() @Min(0) innovators: number;
  /** Innovators with at least one tie to a funder or a policymaker. */
  @IsInt() @Min(0) innovatorsTiedToFunderOrPolicymaker: number;
  /** Share of ties (both ends known kinds) that join two different kinds of stakeholder. */
  @IsNumber() @Min(0) @Max(1) crossSectorTieShare: number;
  @IsNumber() @Min(0) @Max(1) density: number;
  @IsInt() @Min(0) ties: number;
}

export class NetworkIndicatorsSnapshottedV1Payload {
  @IsUUID() snapshotId: string;
  @IsInt() @Min(0) nodes: number;
  @IsInt() @Min(0) edges: number;
  @IsInt() @Min(0) communities: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => CountryNetworkIndicatorsV1) countries: CountryNetworkIndicatorsV1[];
  @IsTimestamp() computedAt: string;
}

export const NetworkIndicatorsSnapshottedV1 = defineEvent({
  type: 'org.socialmakers.community.network.snapshotted.v1',
  version: 1,
  producer: 'community',
  topic: Topics.communityNetwork,
  payload: NetworkIndicatorsSnapshottedV1Payload,
  key: 'snapshotId',
  subjectKind: 'snapshot',
  description: "The per-country ecosystem indicators after a metrics recompute (anonymous aggregates; hidden links count). Analytics reports them.",
});
