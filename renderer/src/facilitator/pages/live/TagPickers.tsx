import { Label, Radio, RadioGroup, Tag, TagGroup, TagList } from 'react-aria-components';
import { POLARITIES, type Polarity, type Theme } from '../../../../../core/index.ts';

/** The key theme table's columns, short enough to sit on one row. */
export const SHORT_POLARITY: Record<Polarity, string> = {
  want: 'Want to see',
  'do-not-want': 'Do NOT want to see',
  neutral: 'Other',
};

/** Polarity as one radio group: one tab stop, arrow keys choose. */
export function PolarityRadios(props: {
  label: string;
  value: Polarity;
  onChange: (p: Polarity) => void;
  keys?: boolean;
}) {
  return (
    <RadioGroup
      className="segmented-radios"
      orientation="horizontal"
      value={props.value}
      onChange={(v) => props.onChange(v as Polarity)}
    >
      <Label className="field-label">{props.label}</Label>
      <div className="segmented">
        {POLARITIES.map((p, i) => (
          <Radio key={p} value={p} className="segment">
            {SHORT_POLARITY[p]}
            {props.keys && <kbd className="key-hint">Alt+{i + 1}</kbd>}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}

/** Themes as one group of toggles: one tab stop, arrow keys move, Space toggles. */
export function ThemeTags(props: {
  label: string;
  themes: Theme[];
  value: string[];
  onChange: (ids: string[]) => void;
  keys?: boolean;
}) {
  if (props.themes.length === 0) return null;
  return (
    <TagGroup
      selectionMode="multiple"
      selectedKeys={props.value}
      onSelectionChange={(keys) =>
        props.onChange(keys === 'all' ? props.themes.map((t) => t.id) : ([...keys] as string[]))
      }
      className="theme-tags"
    >
      <Label className="field-label">{props.label}</Label>
      <TagList className="chips" items={props.themes}>
        {(t) => (
          <Tag id={t.id} textValue={t.name} className="chip">
            {t.name}
            {props.keys && props.themes.indexOf(t) < 6 && (
              <kbd className="key-hint">Alt+{props.themes.indexOf(t) + 4}</kbd>
            )}
          </Tag>
        )}
      </TagList>
    </TagGroup>
  );
}
