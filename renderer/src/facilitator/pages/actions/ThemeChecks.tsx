import type { Theme } from '../../../../../core/index.ts';

/** The codebook's themes as checkboxes, for linking an action or a recommendation to them. */
export function ThemeChecks(props: {
  id: string;
  themes: Theme[];
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  return (
    <fieldset id={props.id} tabIndex={-1}>
      <legend>Themes</legend>
      {props.themes.length === 0 ? (
        <p className="hint">The codebook has no themes yet.</p>
      ) : (
        <div className="checks theme-checks">
          {props.themes.map((t) => (
            <label key={t.id} className="choice">
              <input
                type="checkbox"
                checked={props.value.includes(t.id)}
                onChange={(e) =>
                  props.onChange(
                    e.target.checked
                      ? [...props.value, t.id]
                      : props.value.filter((x) => x !== t.id),
                  )
                }
              />
              <span>{t.name}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
