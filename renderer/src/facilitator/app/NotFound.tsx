import { Link } from 'react-router';
import { PageHeader } from '../ui/PageHeader.tsx';

/** What an unknown address shows, in place of a screen that would wait for ever. */
export function NotFound(props: { what?: 'programme' | 'session' | 'page' }) {
  const what = props.what ?? 'page';
  return (
    <main id="main" className="page" tabIndex={-1}>
      <PageHeader title={`${what[0]?.toUpperCase()}${what.slice(1)} not found`} />
      <p>
        {what === 'page'
          ? 'There is no screen at this address.'
          : `There is no ${what} at this address. It may have been deleted, or the link may be mistyped.`}
      </p>
      <p>
        <Link to="/">Go to all programmes</Link>
      </p>
    </main>
  );
}
