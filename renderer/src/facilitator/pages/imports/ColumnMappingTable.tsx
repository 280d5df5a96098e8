import { columnLetter } from '../../../../../core/index.ts';
import type { ColumnPreview, Problem } from './imports-api.ts';

/**
 * What each column of the file holds, one choice per column, with an example value to
 * recognise it by. A column the file's problems name (its heading cell) shows the problem beside
 * its choice.
 */
export function ColumnMappingTable(props: {
  columns: ColumnPreview[];
  mapping: (string | null)[];
  labels: Record<string, string>;
  problems: Problem[];
  onChange: (mapping: (string | null)[]) => void;
}) {
  return (
    <div className="table-scroll">
      <table>
        <caption>What each column holds</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Example</th>
            <th scope="col">Import as</th>
          </tr>
        </thead>
        <tbody>
          {props.columns.map((c, i) => {
            const id = `column-${i}`;
            const problem = props.problems.find((p) => p.where === `cell ${columnLetter(i)}1`);
            const value = props.mapping[i] ?? '';
            return (
              <tr key={i}>
                <th scope="row">
                  <label htmlFor={id}>
                    {columnLetter(i)}: {c.heading || '(no heading)'}
                  </label>
                </th>
                <td className="import-example">{c.example}</td>
                <td className={problem ? 'field-error' : undefined}>
                  {problem && (
                    <p id={`${id}-error`} className="field-message">
                      <span className="visually-hidden">Error: </span>
                      {problem.message}
                    </p>
                  )}
                  <select
                    id={id}
                    value={value}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problem ? `${id}-error` : undefined}
                    onChange={(e) => {
                      const next = [...props.mapping];
                      next[i] = e.target.value === '' ? null : e.target.value;
                      props.onChange(next);
                    }}
                  >
                    <option value="">Choose…</option>
                    <option value="ignore">Leave out</option>
                    {Object.entries(props.labels).map(([field, label]) => (
                      <option key={field} value={field}>
                        {label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
