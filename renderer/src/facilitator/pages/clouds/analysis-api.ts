import type {
  CloudsScreenData,
  DemographicsTally,
  Representation,
} from '../../../../../core/analysis/index.ts';
import type { DemographicFieldDef, ReferencePopulation } from '../../../../../core/index.ts';
import { api } from '../../../shared/http.ts';

/** The programme's analysis settings as the server applies them (see routes-clouds.ts). */
export interface AnalysisSettings {
  demographicFields: DemographicFieldDef[];
  /** False while the programme keeps the fields every programme had. */
  customFields: boolean;
  stopWords: string[];
  /** The facilitator's own reference; null: Census 2021 for England and Wales. */
  reference: ReferencePopulation | null;
  defaults: {
    legacyFields: DemographicFieldDef[];
    recommendedFields: DemographicFieldDef[];
    census: ReferencePopulation;
  };
}

export interface SessionAttendanceRow {
  sessionId: string;
  title: string;
  date: string;
  registered: number;
  attended: number;
  walkIns: number;
}

export interface RepresentationData {
  demographics: DemographicsTally;
  attendance: SessionAttendanceRow[];
  representation: Representation;
}

const base = (pid: string) => `/api/programmes/${encodeURIComponent(pid)}`;

export const getAnalysisSettings = (pid: string) =>
  api<AnalysisSettings>(`${base(pid)}/settings/analysis`);
export const putDemographicFields = (pid: string, fields: DemographicFieldDef[]) =>
  api<AnalysisSettings>(`${base(pid)}/settings/demographic-fields`, {
    method: 'PUT',
    body: { fields },
  });
export const putStopWords = (pid: string, words: string[]) =>
  api<AnalysisSettings>(`${base(pid)}/settings/stop-words`, { method: 'PUT', body: { words } });
export const putReference = (pid: string, reference: ReferencePopulation | null) =>
  api<AnalysisSettings>(`${base(pid)}/settings/reference`, {
    method: 'PUT',
    body: { reference },
  });
export const getClouds = (pid: string) => api<CloudsScreenData>(`${base(pid)}/analysis/clouds`);
export const getRepresentation = (pid: string) =>
  api<RepresentationData>(`${base(pid)}/analysis/representation`);
