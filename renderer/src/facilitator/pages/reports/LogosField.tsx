import { useRef, useState } from 'react';
import {
  LOGOS_MAX,
  LOGO_MAX_BASE64,
  newId,
  type Logo,
  type ProgrammeDoc,
} from '../../../../../core/index.ts';
import { useAnnounce } from '../../ui/announcer.tsx';
import { Field } from '../../ui/Field.tsx';

const ROLES: Record<Logo['role'], string> = {
  organisation: 'Our organisation',
  commissioner: 'Commissioner',
  partner: 'Partner',
};

function readPicture(file: File): Promise<{ data: string; width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.onload = () => {
      const url = String(reader.result);
      const img = new Image();
      img.onload = () =>
        resolve({
          data: url.slice(url.indexOf(',') + 1),
          width: img.naturalWidth,
          height: img.naturalHeight,
        });
      img.onerror = () => reject(new Error('This file is not a picture that can be shown.'));
      img.src = url;
    };
    reader.readAsDataURL(file);
  });
}

/** The logos on the report's title page: add one (PNG or JPEG, with its alt text), or remove one. */
export function LogosField(props: { doc: ProgrammeDoc; logos: Logo[] }) {
  const [alt, setAlt] = useState('');
  const [role, setRole] = useState<Logo['role']>('organisation');
  const [errors, setErrors] = useState<{ file?: string; alt?: string }>({});
  const fileInput = useRef<HTMLInputElement>(null);
  const altInput = useRef<HTMLInputElement>(null);
  const announce = useAnnounce();
  const full = props.logos.length >= LOGOS_MAX;

  const add = async () => {
    const file = fileInput.current?.files?.[0];
    const next: { file?: string; alt?: string } = {};
    if (!file) next.file = 'Choose a PNG or JPEG file.';
    else if (file.type !== 'image/png' && file.type !== 'image/jpeg')
      next.file = 'The logo must be a PNG or JPEG file.';
    else if (Math.ceil(file.size / 3) * 4 > LOGO_MAX_BASE64)
      next.file = 'The logo must be at most 400 KB.';
    if (alt.trim() === '') next.alt = 'Say what the logo shows, for people who cannot see it.';
    setErrors(next);
    if (next.file || next.alt || !file) {
      (next.file ? fileInput : altInput).current?.focus();
      return;
    }
    try {
      const pic = await readPicture(file);
      props.doc.putLogo({
        id: newId('logo'),
        role,
        alt: alt.trim(),
        mediaType: file.type as Logo['mediaType'],
        ...pic,
        order: Math.max(-1, ...props.logos.map((l) => l.order)) + 1,
      });
      setAlt('');
      if (fileInput.current) fileInput.current.value = '';
      announce(`Logo added: ${alt.trim()}.`);
    } catch (e) {
      setErrors({ file: (e as Error).message });
      fileInput.current?.focus();
    }
  };

  return (
    <section className="card" aria-labelledby="logos-title">
      <h2 id="logos-title">Logos on the title page</h2>
      {props.logos.length === 0 ? (
        <p className="hint">No logos yet.</p>
      ) : (
        <ul className="report-logos">
          {props.logos.map((l) => (
            <li key={l.id}>
              <img src={`data:${l.mediaType};base64,${l.data}`} alt={l.alt} />
              <span>
                {l.alt} <span className="hint">({ROLES[l.role]})</span>
              </span>
              <button
                type="button"
                className="button secondary"
                onClick={() => {
                  props.doc.removeLogo(l.id);
                  announce(`Logo removed: ${l.alt}.`);
                  fileInput.current?.focus();
                }}
              >
                Remove<span className="visually-hidden"> {l.alt}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {full ? (
        <p className="hint">A report has room for {LOGOS_MAX} logos; remove one to add another.</p>
      ) : (
        <div className="report-logo-form">
          <Field
            id="logo-file"
            label="Logo file"
            hint="PNG or JPEG, at most 400 KB."
            error={errors.file}
          >
            {(c) => <input {...c} ref={fileInput} type="file" accept="image/png,image/jpeg" />}
          </Field>
          <Field
            id="logo-alt"
            label="What the logo shows"
            hint="For example: Healthwatch Example logo."
            error={errors.alt}
          >
            {(c) => (
              <input
                {...c}
                ref={altInput}
                type="text"
                value={alt}
                maxLength={200}
                onChange={(e) => setAlt(e.target.value)}
              />
            )}
          </Field>
          <Field id="logo-role" label="Whose logo">
            {(c) => (
              <select {...c} value={role} onChange={(e) => setRole(e.target.value as Logo['role'])}>
                {Object.entries(ROLES).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" className="button" onClick={() => void add()}>
            Add logo
          </button>
        </div>
      )}
    </section>
  );
}
