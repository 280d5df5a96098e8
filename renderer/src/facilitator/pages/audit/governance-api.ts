import type { AuditEntry, RetentionPolicy, RetentionSchedule } from '../../../../../core/index.ts';
import { api } from '../../../shared/http.ts';

export interface RetentionView {
  policy: RetentionPolicy;
  schedule: RetentionSchedule;
}

const programmePath = (id: string) => `/api/programmes/${encodeURIComponent(id)}`;

export const getRetention = (programmeId: string) =>
  api<RetentionView>(`${programmePath(programmeId)}/retention`);
export const setRetention = (programmeId: string, policy: RetentionPolicy) =>
  api<RetentionView>(`${programmePath(programmeId)}/retention`, { method: 'PUT', body: policy });
/** The audit viewer's filters; empty strings are left out of the query. */
export interface AuditFilter {
  action: string;
  actor: string;
  from: string;
  to: string;
  q: string;
}
export const EMPTY_AUDIT_FILTER: AuditFilter = { action: '', actor: '', from: '', to: '', q: '' };

function auditQuery(filter: AuditFilter): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) q.set(k, v);
  const query = q.toString();
  return query ? `?${query}` : '';
}

export const getAudit = (programmeId: string, filter: AuditFilter) =>
  api<{ entries: AuditEntry[] }>(`${programmePath(programmeId)}/audit${auditQuery(filter)}`);

/** The whole log, for an administrator. */
export const getAllAudit = (filter: AuditFilter) =>
  api<{ entries: AuditEntry[] }>(`/api/admin/audit${auditQuery(filter)}`);
