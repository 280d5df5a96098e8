import { IntlMessageFormat } from 'intl-messageformat';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey } from './catalogue-en.ts';
import { pseudoMessage } from './pseudo.ts';

export type Catalogue = Record<MessageKey, string>;

export interface LocaleInfo {
  /** BCP 47 tag, also what plural rules are chosen by. */
  code: string;
  /** The language's own name for itself, so people can find theirs. */
  name: string;
  dir: 'ltr' | 'rtl';
  load: () => Promise<Catalogue>;
}

/**
 * Languages people can choose. English is bundled; any other catalogue is fetched when chosen
 * (`load` with a dynamic import), so a language nobody picks costs nothing. docs/translating.md
 * says how to add one.
 */
export const LOCALES: readonly LocaleInfo[] = [
  { code: 'en-GB', name: 'English', dir: 'ltr', load: () => Promise.resolve(en) },
];

/**
 * Pseudo-locales for testing, offered only with `?pseudo` in the address: every letter
 * accented (a string missing from the catalogue stays plain and is caught), and the same
 * laid out right to left.
 */
export const PSEUDO_LOCALES: readonly LocaleInfo[] = [
  { code: 'en-XA', name: 'Pseudo (accented)', dir: 'ltr', load: () => Promise.resolve(en) },
  { code: 'ar-XB', name: 'Pseudo (right to left)', dir: 'rtl', load: () => Promise.resolve(en) },
];

const STORE_KEY = 'cohear.language';

export function availableLocales(): readonly LocaleInfo[] {
  return /[?&]pseudo\b/.test(location.search) ? [...LOCALES, ...PSEUDO_LOCALES] : LOCALES;
}

function initialLocale(): LocaleInfo {
  const all = availableLocales();
  const stored = readStored();
  const wanted = [
    ...(stored ? [stored] : []),
    ...(typeof navigator === 'undefined' ? [] : navigator.languages),
  ];
  for (const w of wanted) {
    const exact = all.find((l) => l.code.toLowerCase() === w.toLowerCase());
    if (exact) return exact;
    const lang = all.find((l) => l.code.split('-')[0] === w.split('-')[0]);
    if (lang) return lang;
  }
  return LOCALES[0] as LocaleInfo;
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORE_KEY);
  } catch {
    return null;
  }
}

export type Values = Record<string, string | number>;
export type RichValues = Record<string, string | number | ((chunks: ReactNode[]) => ReactNode)>;

export interface Translator {
  locale: LocaleInfo;
  /** One message from the catalogue, formatted (ICU placeholders and plurals). */
  t: (key: MessageKey, values?: Values) => string;
  /** The same with tags such as `<b>…</b>` turned into elements by the functions given. */
  rich: (key: MessageKey, values: RichValues) => ReactNode;
  setLocale: (code: string) => void;
}

function makeTranslator(
  locale: LocaleInfo,
  catalogue: Catalogue,
  setLocale: (c: string) => void,
): Translator {
  const pseudo = PSEUDO_LOCALES.some((p) => p.code === locale.code);
  const cache = new Map<MessageKey, IntlMessageFormat>();
  const format = (key: MessageKey) => {
    let f = cache.get(key);
    if (!f) {
      const message = catalogue[key] ?? en[key];
      // Pseudo-locales use English plural rules, so a plural form is chosen as it is in English.
      f = new IntlMessageFormat(
        pseudo ? pseudoMessage(message) : message,
        pseudo ? 'en' : locale.code,
      );
      cache.set(key, f);
    }
    return f;
  };
  return {
    locale,
    t: (key, values) => String(format(key).format(values)),
    rich: (key, values) => {
      const out = format(key).format<ReactNode>(values as never);
      return Array.isArray(out) ? (
        <>
          {out.map((x, i) => (
            <Part key={i}>{x}</Part>
          ))}
        </>
      ) : (
        out
      );
    },
    setLocale,
  };
}

function Part(props: { children: ReactNode }) {
  return <>{props.children}</>;
}

const I18nContext = createContext<Translator | null>(null);

/** Holds the chosen language, keeps `<html lang dir>` in step, and remembers it on the device. */
export function I18nProvider(props: { children: ReactNode }) {
  const [locale, setLocaleInfo] = useState<LocaleInfo>(initialLocale);
  const [catalogue, setCatalogue] = useState<Catalogue>(en);
  useEffect(() => {
    let live = true;
    void locale.load().then((c) => live && setCatalogue(c));
    document.documentElement.lang = locale.code;
    document.documentElement.dir = locale.dir;
    return () => {
      live = false;
    };
  }, [locale]);
  const value = useMemo<Translator>(
    () =>
      makeTranslator(locale, catalogue, (code) => {
        const next = availableLocales().find((l) => l.code === code);
        if (!next) return;
        try {
          localStorage.setItem(STORE_KEY, code);
        } catch {
          // Private browsing may refuse storage; the choice still holds for this visit.
        }
        setLocaleInfo(next);
      }),
    [locale, catalogue],
  );
  useEffect(() => {
    document.title = value.t('page.title');
  }, [value]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useT(): Translator {
  const t = useContext(I18nContext);
  if (!t) throw new Error('useT outside I18nProvider');
  return t;
}

export type { MessageKey };
