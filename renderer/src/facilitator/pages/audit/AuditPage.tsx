import { useCallback } from 'react';
import { useProgramme } from '../../app/programme-context.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { AuditLog } from './AuditLog.tsx';
import { getAudit, type AuditFilter } from './governance-api.ts';
import { RetentionSection } from './RetentionSection.tsx';
import './audit.css';

/** Who changed or exported what, and when, in this programme; and its retention periods. */
export function AuditPage() {
  const { programme } = useProgramme();
  const load = useCallback((f: AuditFilter) => getAudit(programme.id, f), [programme.id]);
  return (
    <>
      <PageHeader title="Audit log" context={programme.title}>
        <p className="hint">
          Who changed or exported what in this programme, and when, newest first.
        </p>
      </PageHeader>
      <AuditLog idPrefix="audit" heading="Changes and exports" load={load} />
      <RetentionSection programmeId={programme.id} />
    </>
  );
}
