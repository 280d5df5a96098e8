import { useProgramme } from '../../app/programme-context.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RetentionSection } from '../audit/RetentionSection.tsx';
import { StopListSettings } from '../clouds/StopListSettings.tsx';
import { DemographicFieldsSettings } from '../representation/DemographicFieldsSettings.tsx';
import { ReferenceSettings } from '../representation/ReferenceSettings.tsx';
import { DebriefSettings } from './DebriefSettings.tsx';

/** Programme settings: one section per concern, each owned by the area it configures. */
export function SettingsPage() {
  const { programme } = useProgramme();
  return (
    <>
      <PageHeader title="Settings" context={programme.title} />
      <DebriefSettings />
      <DemographicFieldsSettings programmeId={programme.id} />
      <ReferenceSettings programmeId={programme.id} />
      <StopListSettings programmeId={programme.id} />
      <RetentionSection programmeId={programme.id} />
    </>
  );
}
