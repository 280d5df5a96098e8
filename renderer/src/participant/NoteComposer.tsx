import { useId, useRef, useState } from 'react';
import { NOTE_MAX_CHARS, type Polarity } from '../../../core/index.ts';
import { PolarityPicker } from '../shared/PolarityPicker.tsx';
import { useT } from './i18n/i18n.tsx';
import { usePolarityLabels } from './labels.ts';

/** Left characters at which the counter starts being read out. */
const ANNOUNCE_BELOW = 200;

/**
 * Where a participant types their words. Sending never loses text: the outbox keeps it, and
 * focus stays in the box so the next thought can follow. The counter is read out only near
 * the limit, not on every key.
 */
export function NoteComposer(props: {
  closed: boolean;
  acceptsLate: boolean;
  online: boolean;
  onSend: (text: string, polarity: Polarity) => void;
}) {
  const { t } = useT();
  const polarityLabels = usePolarityLabels();
  const [text, setText] = useState('');
  const [polarity, setPolarity] = useState<Polarity>('neutral');
  const [empty, setEmpty] = useState(false);
  const [lastSent, setLastSent] = useState<'sent' | 'queued' | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const left = NOTE_MAX_CHARS - text.length;
  const trimmed = text.trim();
  const tooLong = left < 0;
  const counter = tooLong
    ? t('composer.tooLong', { count: -left })
    : t('composer.left', { count: left });
  return (
    <form
      className="card stack"
      aria-labelledby={`${id}-label`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!trimmed) {
          setEmpty(true);
          box.current?.focus();
          return;
        }
        if (tooLong) {
          box.current?.focus();
          return;
        }
        props.onSend(trimmed, polarity);
        setText('');
        setPolarity('neutral');
        setEmpty(false);
        setLastSent(props.online ? 'sent' : 'queued');
        box.current?.focus();
      }}
    >
      <label id={`${id}-label`} htmlFor={`${id}-text`}>
        {props.closed && props.acceptsLate ? t('composer.labelLate') : t('composer.label')}
      </label>
      <textarea
        ref={box}
        id={`${id}-text`}
        value={text}
        aria-invalid={empty || tooLong}
        aria-describedby={`${id}-count${empty ? ` ${id}-empty` : ''}`}
        onChange={(e) => {
          setText(e.target.value);
          setEmpty(false);
          setLastSent(null);
        }}
      />
      <p
        id={`${id}-count`}
        className={tooLong ? 'error' : 'hint'}
        aria-live={left <= ANNOUNCE_BELOW ? 'polite' : 'off'}
      >
        {counter}
      </p>
      {empty && (
        <p id={`${id}-empty`} className="error" role="alert">
          {t('composer.empty')}
        </p>
      )}
      <PolarityPicker
        value={polarity}
        labels={polarityLabels}
        label={t('composer.polarity')}
        onChange={setPolarity}
      />
      <button type="submit">{t('composer.send')}</button>
      {lastSent && (
        <p className="hint">
          {lastSent === 'sent' ? t('composer.afterSend') : t('composer.afterQueue')}
        </p>
      )}
    </form>
  );
}
