import { useState } from 'react';
import { Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { useAnnounce } from '../../ui/announcer.tsx';
import { Field } from '../../ui/Field.tsx';
import { grantMember, revokeMember, type AdminState } from './admin-api.ts';

/**
 * Who may reach which programme. Ticking an account grants it at once; what it may do there
 * follows from its role (a facilitator edits, an observer downloads exports).
 */
export function MembershipsSection(props: {
  state: AdminState;
  onChanged: (s: AdminState) => void;
}) {
  const { programmes, accounts } = props.state;
  const [programmeId, setProgrammeId] = useState(programmes[0]?.id ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const announce = useAnnounce();
  const programme = programmes.find((p) => p.id === programmeId);

  const change = async (next: string[]) => {
    if (!programme) return;
    const before = new Set(programme.members);
    const added = next.filter((id) => !before.has(id));
    const removed = programme.members.filter((id) => !next.includes(id));
    try {
      let s: AdminState | null = null;
      for (const id of added) s = await grantMember(programme.id, id);
      for (const id of removed) s = await revokeMember(programme.id, id);
      if (s) props.onChanged(s);
      setProblem(null);
      const name = (id: string) => accounts.find((a) => a.id === id)?.name ?? id;
      announce(
        [
          ...added.map((id) => `${name(id)} is now a member of ${programme.title}.`),
          ...removed.map((id) => `${name(id)} is no longer a member of ${programme.title}.`),
        ].join(' '),
      );
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="card stack" aria-labelledby="members-title">
      <h2 id="members-title">Who sees which programme</h2>
      <p className="hint">
        A facilitator sees and edits only the programmes they are a member of; an observer downloads
        only those programmes’ exports. Whoever creates a programme is its first member.
      </p>
      {programmes.length === 0 ? (
        <p>There are no programmes yet.</p>
      ) : (
        <>
          <Field id="members-programme" label="Programme">
            {(c) => (
              <select {...c} value={programmeId} onChange={(e) => setProgrammeId(e.target.value)}>
                {programmes.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {problem && (
            <p className="error" role="alert">
              {problem}
            </p>
          )}
          {programme && (
            <CheckboxGroup
              value={programme.members}
              onChange={(v) => void change(v)}
              className="stack"
            >
              <Label className="field-label">Members of {programme.title}</Label>
              {accounts.map((a) => (
                <Checkbox
                  key={a.id}
                  value={a.id}
                  className="choice checkbox"
                  isDisabled={a.disabled && !programme.members.includes(a.id)}
                >
                  {a.name} ({a.role}
                  {a.disabled ? ', disabled' : ''}) <span className="hint">{a.email}</span>
                </Checkbox>
              ))}
            </CheckboxGroup>
          )}
        </>
      )}
    </section>
  );
}
