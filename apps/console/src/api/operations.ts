import { api } from './client';
import type { Account, Role } from './accounts';

/** GET /api/operations/overview (admins): each service's health and what its /metrics says. */
export interface ServiceOverview {
  service: string;
  url: string;
  /** up: /health answered 200; down: it answered otherwise; unreachable: no answer. */
  status: 'up' | 'down' | 'unreachable';
  /** The service's /health body (Terminus: status, details per dependency). */
  health: { status?: string; details?: Record<string, { status: string; message?: string }> } | null;
  outboxBacklog: number | null;
  consumerLag: Array<{ group: string; topic: string; partition: number; lag: number }>;
}

export interface OperationsOverview {
  checkedAt: string;
  services: ServiceOverview[];
}

/** A record on a group's dead-letter topic with its dlt.* headers read out; id is its offset there. */
export interface DeadLetter {
  id: string;
  originalTopic: string;
  originalPartition: number;
  originalOffset: string;
  reason: string;
  exceptionClass: string;
  exceptionMessage: string;
  attempts: number;
  failedAt: string;
  eventType?: string;
  headers: Record<string, string>;
}

export const operationsApi = {
  overview: () => api<OperationsOverview>('operations/overview'),
  deadLetters: (group: string) => api<{ group?: string; deadLetters: DeadLetter[] }>('operations/dead-letters', { query: { group } }),
  replay: (group: string, ids?: string[]) => api<{ replayed: DeadLetter[] }>('operations/dead-letters/replay', { method: 'POST', body: { group, ids } }),
  accounts: () => api<Account[] | { accounts: Account[] }>('accounts'),
  setRoles: (personId: string, roles: Role[], organisationId?: string) =>
    api<Account>(`accounts/${personId}/roles`, { method: 'PUT', body: { roles, organisationId: organisationId || undefined } }),
  myData: () => api<unknown>('accounts/me/export'),
  requestErasure: () => api<unknown>('accounts/me/erasure', { method: 'POST' }),
  /** Revokes every refresh token of the account: other browsers lose the session once their access token expires. */
  signOutEverywhere: () => api<void>('accounts/sign-out-everywhere', { method: 'POST' }),
};

/** The consumer groups of the platform (libs/contracts' ConsumerGroups, without the namespace). */
export const CONSUMER_GROUPS = ['learning', 'events', 'community', 'analytics'];
