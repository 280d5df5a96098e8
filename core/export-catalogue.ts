/** Every file format an export can be written in (the CLI adds `json`, the programme file). */
export const EXPORT_FORMATS = [
  'docx',
  'debrief',
  'xlsx',
  'csv',
  'qdpx',
  'qdc',
  'png',
  'svg',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The documents a facilitator or observer can download from the server, by name, in the order
 * a commissioner would want them. Data only: the facilitator app lists them, exports/ builds them.
 */
export const DOWNLOAD_CATALOGUE = [
  { name: 'programme-report.docx', label: 'Programme report for commissioners (Word)' },
  { name: 'key-theme-table.docx', label: 'Key theme table (Word)' },
  {
    name: 'key-theme-table.xlsx',
    label: 'Key themes, coded notes, demographics and attendance (Excel)',
  },
  { name: 'key-theme-table.csv', label: 'Key theme table (CSV)' },
  { name: 'coded-notes.csv', label: 'Anonymised coded notes (CSV)' },
  { name: 'project.qdpx', label: 'REFI-QDA project for NVivo, ATLAS.ti, MAXQDA or QualCoder' },
  { name: 'codebook.qdc', label: 'Codebook (REFI-QDA)' },
] as const;

export type DownloadName = (typeof DOWNLOAD_CATALOGUE)[number]['name'];
