import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { AppChrome } from './AppChrome.tsx';
import { NotFound } from './NotFound.tsx';

/** A screen that threw: say so plainly, offer a way home, never a blank page. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404)
    return (
      <AppChrome>
        <NotFound />
      </AppChrome>
    );
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <AppChrome>
      <main id="main" className="page" tabIndex={-1}>
        <h1 id="page-title" tabIndex={-1}>
          Something went wrong
        </h1>
        <p className="error" role="alert">
          {message}
        </p>
        <p>
          Nothing you saved is lost. <Link to="/">Go to all programmes</Link> or reload the page.
        </p>
      </main>
    </AppChrome>
  );
}
