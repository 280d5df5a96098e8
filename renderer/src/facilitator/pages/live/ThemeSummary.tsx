import { sortThemes, type Note, type Theme } from '../../../../../core/index.ts';

/** A live count of what was tagged to each theme, for reading back before the session ends. */
export function ThemeSummary(props: { notes: Note[]; codebook: Theme[] }) {
  const live = props.notes.filter((n) => !n.withdrawn && !n.hidden);
  const themes = sortThemes(props.codebook).filter((t) => t.parentId === null);
  const untagged = live.filter((n) => n.themeIds.length === 0).length;
  return (
    <section className="card" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Themes so far</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Counts by theme">
        <table>
          <thead>
            <tr>
              <th scope="col">Theme</th>
              <th scope="col">
                <abbr title="What people want to see">Want</abbr>
              </th>
              <th scope="col">
                <abbr title="What people do NOT want to see">Not</abbr>
              </th>
            </tr>
          </thead>
          <tbody>
            {themes.map((t) => {
              const tagged = live.filter((n) => n.themeIds.includes(t.id));
              return (
                <tr key={t.id}>
                  <th scope="row">{t.name}</th>
                  <td className="counts">{tagged.filter((n) => n.polarity === 'want').length}</td>
                  <td className="counts">
                    {tagged.filter((n) => n.polarity === 'do-not-want').length}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="hint">
        {untagged === 0
          ? 'Every note has a theme.'
          : untagged === 1
            ? '1 note still needs a theme.'
            : `${untagged} notes still need a theme.`}
      </p>
    </section>
  );
}
