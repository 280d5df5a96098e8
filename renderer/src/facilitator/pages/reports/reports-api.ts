import { api } from '../../../shared/http.ts';

/** Drafts built from the data for empty sections (shown in the editor, never printed). */
export interface ReportDrafts {
  sections: Record<string, string>;
  themes: Record<string, string>;
}

export interface BuildState {
  stage: string;
  done: number;
  total: number;
  ready: boolean;
  error: string | null;
  filename: string | null;
}

export interface PictureListing {
  key: string;
  title: string;
  kind: 'cloud' | 'chart';
}

const base = (pid: string) => `/api/programmes/${encodeURIComponent(pid)}`;

export const getDrafts = (pid: string) => api<ReportDrafts>(`${base(pid)}/report/drafts`);

export const startBuild = (pid: string, wordTables: boolean) =>
  api<{ id: string }>(`${base(pid)}/report/builds`, { body: { wordTables } });

export const getBuild = (pid: string, id: string) =>
  api<BuildState>(`${base(pid)}/report/builds/${encodeURIComponent(id)}`);

export const buildFileUrl = (pid: string, id: string) =>
  `${base(pid)}/report/builds/${encodeURIComponent(id)}/file`;

export const listPictures = (pid: string) =>
  api<{ pictures: PictureListing[] }>(`${base(pid)}/pictures`);

export const pictureUrl = (pid: string, key: string, type: 'png' | 'svg') =>
  `${base(pid)}/pictures/${encodeURIComponent(key)}.${type}`;
