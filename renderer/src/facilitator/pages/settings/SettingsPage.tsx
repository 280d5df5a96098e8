import { useProgramme } from '../../app/programme-context.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { DebriefSettings } from './DebriefSettings.tsx';

/** Programme settings: one section per concern, each owned by the area it configures. */
export function SettingsPage() {
  const { programme } = useProgramme();
  return (
    <>
      <PageHeader title="Settings" context={programme.title} />
      <DebriefSettings />
    </>
  );
}
