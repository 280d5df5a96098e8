import { useEffect, type ReactNode } from 'react';

/**
 * The page's one h1, which takes focus after a navigation (see `FocusOnNavigate`), and the
 * window title, so the browser's history and tabs name each screen.
 */
export function PageHeader(props: {
  title: string;
  /** Names the window: "Sessions · MSK co-production · Cohear". */
  context?: string | undefined;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  useEffect(() => {
    document.title = [props.title, props.context, 'Cohear'].filter(Boolean).join(' · ');
  }, [props.title, props.context]);
  return (
    <div className="page-header">
      <div className="page-header-text">
        <h1 id="page-title" tabIndex={-1}>
          {props.title}
        </h1>
        {props.children}
      </div>
      {props.actions && <div className="page-header-actions row">{props.actions}</div>}
    </div>
  );
}
