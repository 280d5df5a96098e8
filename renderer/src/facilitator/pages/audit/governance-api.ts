import type { RetentionPolicy, RetentionSchedule } from '../../../../../core/index.ts';
import { api } from '../../../shared/http.ts';

export interface RetentionView {
  policy: RetentionPolicy;
  schedule: RetentionSchedule;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  actorName: string;
  action: string;
  target: string;
  detail: Record<string, unknown>;
}

const programmePath = (id: string) => `/api/programmes/${encodeURIComponent(id)}`;

export const getRetention = (programmeId: string) =>
  api<RetentionView>(`${programmePath(programmeId)}/retention`);
export const setRetention = (programmeId: string, policy: RetentionPolicy) =>
  api<RetentionView>(`${programmePath(programmeId)}/retention`, { method: 'PUT', body: policy });
export const getAudit = (programmeId: string, filter: { action: string; actor: string }) => {
  const q = new URLSearchParams();
  if (filter.action) q.set('action', filter.action);
  if (filter.actor) q.set('actor', filter.actor);
  const query = q.toString();
  return api<{ entries: AuditEntry[] }>(
    `${programmePath(programmeId)}/audit${query ? `?${query}` : ''}`,
  );
};
