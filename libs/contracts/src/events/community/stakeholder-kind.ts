import { StakeholderRole } from '../events/attendance-recorded.v1';

/** The kinds of stakeholder profile: the sign-in sheet's roles, one vocabulary for the whole platform. */
export const STAKEHOLDER_KINDS = Object.values(StakeholderRole);
