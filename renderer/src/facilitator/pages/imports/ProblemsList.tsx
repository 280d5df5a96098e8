import { useEffect, useRef } from 'react';
import type { Problem } from './imports-api.ts';

/**
 * Why a file cannot be imported, each problem with its place (cell, line or choice). Takes focus
 * when it appears, so a keyboard or screen-reader user hears it; nothing was imported.
 */
export function ProblemsList(props: { title: string; problems: Problem[]; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.attempt > 0) ref.current?.focus();
    // Once per refused attempt.
  }, [props.attempt]);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="error-summary-title">{props.title}</h2>
      {props.problems.length > 0 && (
        <ul>
          {props.problems.map((p, i) => (
            <li key={i}>
              <strong>{p.where}</strong>: {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Things imported differently from how they read (a formula as text, an unknown answer left out). */
export function WarningsList(props: { warnings: Problem[] }) {
  if (props.warnings.length === 0) return null;
  return (
    <div className="card">
      <h3>Worth checking</h3>
      <ul>
        {props.warnings.slice(0, 30).map((w, i) => (
          <li key={i}>
            <strong>{w.where}</strong>: {w.message}
          </li>
        ))}
        {props.warnings.length > 30 && <li>and {props.warnings.length - 30} more</li>}
      </ul>
    </div>
  );
}
