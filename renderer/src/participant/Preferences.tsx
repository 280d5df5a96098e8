import { useEffect, useId, useState } from 'react';
import { availableLocales, useT } from './i18n/i18n.tsx';

const SIZES = ['standard', 'large', 'largest'] as const;
type Size = (typeof SIZES)[number];
const SIZE_KEY = 'cohear.text-size';

function storedSize(): Size {
  try {
    const s = localStorage.getItem(SIZE_KEY);
    return (SIZES as readonly string[]).includes(s ?? '') ? (s as Size) : 'standard';
  } catch {
    return 'standard';
  }
}

/** Applies the text size kept on this device before the first paint of any screen. */
export function applyStoredTextSize(): void {
  document.documentElement.dataset.textSize = storedSize();
}

/**
 * Language and text size, on every screen from the first. Native controls on purpose: a select
 * and a radio group are each one tab stop, work with a screen reader as people expect, and
 * need no script to look right.
 */
export function Preferences() {
  const { t, locale, setLocale } = useT();
  const [size, setSize] = useState<Size>(storedSize);
  const id = useId();
  useEffect(() => {
    document.documentElement.dataset.textSize = size;
    try {
      localStorage.setItem(SIZE_KEY, size);
    } catch {
      // Storage refused (private browsing): the size still holds for this visit.
    }
  }, [size]);
  return (
    <div className="prefs">
      <div className="pref">
        <label htmlFor={`${id}-lang`}>{t('prefs.language')}</label>
        <select id={`${id}-lang`} value={locale.code} onChange={(e) => setLocale(e.target.value)}>
          {availableLocales().map((l) => (
            <option key={l.code} value={l.code} lang={l.code} dir={l.dir}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="pref text-size">
        <legend>{t('prefs.textSize')}</legend>
        <div className="segmented">
          {SIZES.map((s) => (
            <label key={s} className={`size-${s}`}>
              <input
                type="radio"
                name={`${id}-size`}
                value={s}
                checked={size === s}
                onChange={() => setSize(s)}
              />
              <span>{t(`prefs.size.${s}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
