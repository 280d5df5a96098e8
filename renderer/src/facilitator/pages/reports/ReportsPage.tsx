import { useEffect, useMemo, useState } from 'react';
import {
  REPORT_SECTIONS,
  REPORT_SECTION_HINTS,
  REPORT_SECTION_LABELS,
  REPORT_SECTION_MAX,
  THEME_SUMMARY_MAX,
  sortThemes,
} from '../../../../../core/index.ts';
import { useProgramme } from '../../app/programme-context.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LogosField } from './LogosField.tsx';
import { PictureDownloads } from './PictureDownloads.tsx';
import { ReportDownload } from './ReportDownload.tsx';
import { type ReportDrafts, getDrafts } from './reports-api.ts';
import { TextSection } from './TextSection.tsx';
import './reports.css';

/**
 * The report editor: the facilitator's own words for every section of the commissioner's
 * report, a summary per theme, the title page's logos, and the downloads. What is written here
 * lives in the programme document, so everyone editing the programme sees it change.
 */
export function ReportsPage() {
  const { programme, doc, docVersion } = useProgramme();
  const [drafts, setDrafts] = useState<ReportDrafts | null>(null);
  useEffect(() => {
    getDrafts(programme.id).then(setDrafts, () => setDrafts({ sections: {}, themes: {} }));
  }, [programme.id]);
  // docVersion changes with every edit, so the text is read again whenever anyone types.
  const report = useMemo(() => doc?.readReport() ?? null, [doc, docVersion]);
  const themes = useMemo(() => (doc ? sortThemes(doc.themes.all()) : []), [doc, docVersion]);
  return (
    <>
      <PageHeader title="Report" context={programme.title}>
        <p className="hint">
          What you write here goes into the programme report. A section left empty is left out of
          the report.
        </p>
      </PageHeader>
      {!doc || !report ? (
        <p role="status">Opening the programme&hellip;</p>
      ) : (
        <>
          <section className="card" aria-labelledby="sections-title">
            <h2 id="sections-title">Sections</h2>
            {REPORT_SECTIONS.map((key) => (
              <TextSection
                key={key}
                id={`section-${key}`}
                label={REPORT_SECTION_LABELS[key]}
                hint={REPORT_SECTION_HINTS[key]}
                value={report[key]}
                max={REPORT_SECTION_MAX}
                draft={drafts?.sections[key]}
                onSave={(text) => doc.setReportSection(key, text)}
              />
            ))}
          </section>
          <section className="card" aria-labelledby="themes-title">
            <h2 id="themes-title">A summary of each theme</h2>
            <p className="hint">Printed under the theme in the findings, after the quotes.</p>
            {themes.length === 0 && <p className="hint">The codebook has no themes yet.</p>}
            {themes.map((t) => (
              <TextSection
                key={t.id}
                id={`theme-${t.id}`}
                label={t.name}
                hint={t.description}
                value={report.themeSummaries[t.id] ?? ''}
                max={THEME_SUMMARY_MAX}
                draft={drafts?.themes[t.id]}
                rows={4}
                onSave={(text) => doc.setThemeSummary(t.id, text)}
              />
            ))}
          </section>
          <LogosField doc={doc} logos={report.logos} />
        </>
      )}
      <ReportDownload programmeId={programme.id} />
      <PictureDownloads programmeId={programme.id} />
    </>
  );
}
