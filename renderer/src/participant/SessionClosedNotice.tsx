import { useT } from './i18n/i18n.tsx';

/** Says plainly what happens to words typed now that the session has closed. */
export function SessionClosedNotice(props: { lateUntil: string | null }) {
  const { t, locale } = useT();
  const until = props.lateUntil ? Date.parse(props.lateUntil) : null;
  const open = until !== null && until > Date.now();
  return (
    <div className="notice" role="note">
      <p>
        <strong>{t('closed.title')}</strong>
      </p>
      <p>
        {open
          ? t('closed.lateAccepted', {
              date: new Intl.DateTimeFormat(locale.code, { dateStyle: 'long' }).format(until),
            })
          : t('closed.notAccepted')}
      </p>
    </div>
  );
}
