import type { ActivityScheduledV1Payload } from '@socialmakers/contracts';
import type { Activity } from './activity';

/** What the platform learns when an activity is scheduled: enough for analytics and community without calling back. */
export function scheduledPayload(activity: Activity): ActivityScheduledV1Payload {
  return {
    activityId: activity.id,
    kind: activity.kind,
    title: activity.title,
    organiserId: activity.organiserId,
    country: activity.country,
    ...(activity.city ? { city: activity.city } : {}),
    timeZone: activity.timeZone,
    startsAt: new Date(activity.startsAt).toISOString(),
    endsAt: new Date(activity.endsAt).toISOString(),
    ...(activity.courseKey ? { courseKey: activity.courseKey } : {}),
    ...(activity.moduleKey ? { moduleKey: activity.moduleKey } : {}),
    lecturerIds: activity.lecturerIds,
    ...(activity.topic ? { topic: activity.topic } : {}),
    scheduledAt: new Date(activity.createdAt).toISOString(),
  };
}
