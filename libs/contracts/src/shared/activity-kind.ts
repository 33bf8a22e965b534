/** The programme's field activities (BRIEF.md): workshops deepen one Academy module. */
export const ActivityKind = {
  Workshop: 'workshop',
  Festival: 'festival',
  Webinar: 'webinar',
} as const;

export type ActivityKind = (typeof ActivityKind)[keyof typeof ActivityKind];
export const ACTIVITY_KINDS: readonly ActivityKind[] = Object.values(ActivityKind);
