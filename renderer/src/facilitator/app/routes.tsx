import type { RouteObject } from 'react-router';
import { LiveSession } from '../LiveSession.tsx';
import { CloudsPage } from '../pages/clouds/CloudsPage.tsx';
import { OverviewPage } from '../pages/overview/OverviewPage.tsx';
import { RepresentationPage } from '../pages/representation/RepresentationPage.tsx';
import { ProgrammesPage } from '../pages/programmes/ProgrammesPage.tsx';
import { PeoplePanel } from '../PeoplePanel.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useAuth } from './auth-context.tsx';
import { AppChrome } from './AppChrome.tsx';
import { AuthGate } from './AuthGate.tsx';
import { NotFound } from './NotFound.tsx';
import { ProgrammeLayout } from './ProgrammeLayout.tsx';
import { ProgrammeProvider, useProgramme } from './programme-context.tsx';
import { RouteError } from './RouteError.tsx';
import { SessionLayout, SessionProvider, useSession } from './session-context.tsx';

/*
 * The route table. Each area adds its own lines to the list it belongs to:
 * - `programmeRoutes`: screens of a programme, beside the programme navigation
 *   (paths relative to /programmes/:programmeId);
 * - `sessionRoutes`: screens of one session, under its tabs (relative to .../sessions/:sessionId);
 * - `bareSessionRoutes`: screens of a session with no app chrome (the projector);
 * - `topRoutes`: screens outside any programme (relative to /).
 */

function RunRoute() {
  const { programme } = useProgramme();
  const session = useSession();
  const { me } = useAuth();
  return (
    <LiveSession
      programmeId={programme.id}
      listing={session}
      facilitator={me.name ?? 'Facilitator'}
    />
  );
}

function PeopleRoute() {
  const { programme } = useProgramme();
  return (
    <>
      <PageHeader title="People" context={programme.title} />
      <PeoplePanel programmeId={programme.id} />
    </>
  );
}

export const sessionRoutes: RouteObject[] = [{ path: 'run', element: <RunRoute /> }];

export const bareSessionRoutes: RouteObject[] = [];

export const programmeRoutes: RouteObject[] = [
  { index: true, element: <OverviewPage /> },
  { path: 'sessions/:sessionId', element: <SessionLayout />, children: sessionRoutes },
  { path: 'people', element: <PeopleRoute /> },
  { path: 'analysis/clouds', element: <CloudsPage /> },
  { path: 'analysis/representation', element: <RepresentationPage /> },
];

export const topRoutes: RouteObject[] = [{ index: true, element: <ProgrammesPage /> }];

export const routes: RouteObject[] = [
  {
    element: <AuthGate />,
    errorElement: <RouteError />,
    children: [
      {
        path: 'programmes/:programmeId',
        element: <ProgrammeProvider />,
        children: [
          {
            path: 'sessions/:sessionId',
            element: <SessionProvider />,
            children: bareSessionRoutes,
          },
          {
            element: <ProgrammeLayout />,
            children: [...programmeRoutes, { path: '*', element: <NotFound /> }],
          },
        ],
      },
      {
        element: <AppChrome />,
        children: [...topRoutes, { path: '*', element: <NotFound /> }],
      },
    ],
  },
];
