import { useEffect, useState } from 'react';
import type { EvidenceNote } from '../../../../../core/index.ts';
import { useProgramme } from '../../app/programme-context.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { getEvidence } from '../people/people-api.ts';
import '../people/people.css';
import { ActionsSection } from './ActionsSection.tsx';
import { RecommendationsSection } from './RecommendationsSection.tsx';

/** Following through: the "you said, we did" log and the recommendations, edited live. */
export function ActionsPage() {
  const { programme, doc, docVersion } = useProgramme();
  const [evidence, setEvidence] = useState<EvidenceNote[] | null>(null);
  useEffect(() => {
    getEvidence(programme.id).then(
      (r) => setEvidence(r.notes),
      () => setEvidence([]),
    );
  }, [programme.id]);
  // docVersion changes with every edit of the live document; reading it here re-renders the lists.
  void docVersion;
  const themes = doc ? doc.themes.all().sort((a, b) => a.order - b.order) : [];
  return (
    <>
      <PageHeader title="Actions and recommendations" context={programme.title}>
        <p className="hint">
          What people said and what was done about it, and the recommendations in report order.
        </p>
      </PageHeader>
      {!doc ? (
        <p role="status">Connecting to the programme&hellip;</p>
      ) : (
        <div className="people-top">
          <ActionsSection doc={doc} themes={themes} evidence={evidence} />
          <RecommendationsSection doc={doc} themes={themes} evidence={evidence} />
        </div>
      )}
    </>
  );
}
