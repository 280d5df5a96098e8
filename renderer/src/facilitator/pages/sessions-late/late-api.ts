import { api } from '../../../shared/http.ts';

/** A session's late-contributions setting as the server keeps it (routes-late.ts). */
export interface LatePolicyView {
  days: number;
  closedAt: string | null;
  lateUntil: string | null;
}

export const getLatePolicy = (sessionId: string) =>
  api<LatePolicyView>(`/api/sessions/${encodeURIComponent(sessionId)}/late`);

export const setLatePolicy = (sessionId: string, days: number) =>
  api<LatePolicyView>(`/api/sessions/${encodeURIComponent(sessionId)}/late`, {
    method: 'PUT',
    body: { days },
  });
