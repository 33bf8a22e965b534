import type { EntityManager } from 'typeorm';
import { NotFoundError } from '@socialmakers/service-kit';
import { ConflictError } from '@socialmakers/service-kit';
import { ACTIVITY_COLUMNS, ActivityErrorCode, ActivityStatus, type Activity } from './activity';

/**
 * Reads one activity, optionally locking its row for the rest of the transaction: registrations
 * lock it FOR UPDATE so that capacity is counted by one writer at a time; attendance takes a
 * share lock so a concurrent cancellation waits for the check-ins in flight, and they for it.
 */
export async function findActivity(manager: EntityManager, id: string, lock?: 'update' | 'share'): Promise<Activity> {
  const clause = lock === 'update' ? 'FOR UPDATE' : lock === 'share' ? 'FOR SHARE' : '';
  const [activity]: Activity[] = await manager.query(`SELECT ${ACTIVITY_COLUMNS} FROM activities WHERE id = $1 ${clause}`, [id]);
  if (!activity) throw new NotFoundError(ActivityErrorCode.NotFound, `No activity ${id} exists.`);
  return activity;
}

export function assertNotCancelled(activity: Activity, doing: string): void {
  if (activity.status === ActivityStatus.Cancelled) {
    throw new ConflictError(ActivityErrorCode.Cancelled, `"${activity.title}" was cancelled, so you cannot ${doing}.`);
  }
}
