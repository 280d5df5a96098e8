import { useEffect, useState } from 'react';
import {
  CodebookError,
  themeWithDescendants,
  updateTheme,
  moveTheme,
} from '../../../../../core/codebook/index.ts';
import type { ProgrammeDoc } from '../../../../../core/index.ts';
import { Field } from '../../ui/Field.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import type { ThemeRow } from './theme-paths.ts';

type Errors = Partial<Record<'name' | 'description' | 'colour' | 'parent', string>>;

/** Name, description, colour and place of one theme; nothing is saved while a field is wrong. */
export function ThemeEditor(props: { programme: ProgrammeDoc; row: ThemeRow; rows: ThemeRow[] }) {
  const t = props.row.theme;
  const announce = useAnnounce();
  const [name, setName] = useState(t.name);
  const [description, setDescription] = useState(t.description);
  const [colour, setColour] = useState(t.colour);
  const [parentId, setParentId] = useState(t.parentId ?? '');
  const [errors, setErrors] = useState<Errors>({});
  useEffect(() => {
    setName(t.name);
    setDescription(t.description);
    setColour(t.colour);
    setParentId(t.parentId ?? '');
    setErrors({});
  }, [t.id, t.name, t.description, t.colour, t.parentId]);
  const inside = themeWithDescendants(
    props.rows.map((r) => r.theme),
    t.id,
  );
  const save = () => {
    try {
      props.programme.doc.transact(() => {
        updateTheme(props.programme, t.id, { name, description, colour });
        if ((t.parentId ?? '') !== parentId) moveTheme(props.programme, t.id, parentId || null);
      });
      setErrors({});
      announce(`Saved ${name.trim()}`);
    } catch (e) {
      if (!(e instanceof CodebookError)) throw e;
      const field = e.field === 'theme' ? 'name' : e.field;
      setErrors({ [field]: e.message });
      document.getElementById(`theme-${field}`)?.focus();
    }
  };
  return (
    <form
      className="theme-editor card"
      aria-labelledby="theme-editor-title"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h2 id="theme-editor-title" className="h3">
        {props.row.path}
      </h2>
      <Field id="theme-name" label="Name" error={errors.name}>
        {(p) => (
          <input
            {...p}
            type="text"
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <Field
        id="theme-description"
        label="Description"
        hint="What belongs here, for whoever tags next."
        error={errors.description}
      >
        {(p) => (
          <textarea
            {...p}
            className="input"
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <Field id="theme-colour" label="Colour" error={errors.colour}>
        {(p) => (
          <input {...p} type="color" value={colour} onChange={(e) => setColour(e.target.value)} />
        )}
      </Field>
      <Field id="theme-parent" label="Inside" error={errors.parent}>
        {(p) => (
          <select {...p} value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">Top level</option>
            {props.rows
              .filter((r) => !inside.has(r.theme.id))
              .map((r) => (
                <option key={r.theme.id} value={r.theme.id}>
                  {r.path}
                </option>
              ))}
          </select>
        )}
      </Field>
      <button className="button" type="submit">
        Save theme
      </button>
    </form>
  );
}
