import type { RouteObject } from 'react-router';
import { AdminPage } from '../pages/admin/AdminPage.tsx';
import { AuditPage } from '../pages/audit/AuditPage.tsx';
import { AnalysisLayout } from '../pages/analysis/analysis-context.tsx';
import { BoardPage } from '../pages/analysis/BoardPage.tsx';
import { CodebookPage } from '../pages/analysis/CodebookPage.tsx';
import { TablePage } from '../pages/analysis/TablePage.tsx';
import { OverviewPage } from '../pages/overview/OverviewPage.tsx';
import { ProjectorPage } from '../pages/live/ProjectorPage.tsx';
import { RunRoomPage } from '../pages/live/RunRoomPage.tsx';
import { CloudsPage } from '../pages/clouds/CloudsPage.tsx';
import { RepresentationPage } from '../pages/representation/RepresentationPage.tsx';
import { ProgrammesPage } from '../pages/programmes/ProgrammesPage.tsx';
import { DebriefPage } from '../pages/sessions/DebriefPage.tsx';
import { SessionPlannerPage } from '../pages/sessions/SessionPlannerPage.tsx';
import { SessionsPage } from '../pages/sessions/SessionsPage.tsx';
import { SettingsPage } from '../pages/settings/SettingsPage.tsx';
import { PeoplePage } from '../pages/people/PeoplePage.tsx';
import { ActionsPage } from '../pages/actions/ActionsPage.tsx';
import { ReportsPage } from '../pages/reports/ReportsPage.tsx';
import { PeopleImportPage } from '../pages/imports/PeopleImportPage.tsx';
import { TranscriptImportPage } from '../pages/imports/TranscriptImportPage.tsx';
import { AppChrome } from './AppChrome.tsx';
import { AuthGate } from './AuthGate.tsx';
import { NotFound } from './NotFound.tsx';
import { ProgrammeLayout } from './ProgrammeLayout.tsx';
import { ProgrammeProvider } from './programme-context.tsx';
import { RouteError } from './RouteError.tsx';
import { SessionLayout, SessionProvider } from './session-context.tsx';

/*
 * The route table. Each area adds its own lines to the list it belongs to:
 * - `programmeRoutes`: screens of a programme, beside the programme navigation
 *   (paths relative to /programmes/:programmeId);
 * - `sessionRoutes`: screens of one session, under its tabs (relative to .../sessions/:sessionId);
 * - `bareSessionRoutes`: screens of a session with no app chrome (the projector);
 * - `topRoutes`: screens outside any programme (relative to /).
 */

export const sessionRoutes: RouteObject[] = [
  { index: true, element: <SessionPlannerPage /> },
  { path: 'run', element: <RunRoomPage /> },
  { path: 'debrief', element: <DebriefPage /> },
  { path: 'import', element: <TranscriptImportPage /> },
];

export const bareSessionRoutes: RouteObject[] = [{ path: 'projector', element: <ProjectorPage /> }];

export const programmeRoutes: RouteObject[] = [
  { index: true, element: <OverviewPage /> },
  { path: 'sessions', element: <SessionsPage /> },
  { path: 'settings', element: <SettingsPage /> },
  { path: 'sessions/:sessionId', element: <SessionLayout />, children: sessionRoutes },
  { path: 'people', element: <PeoplePage /> },
  { path: 'actions', element: <ActionsPage /> },
  { path: 'audit', element: <AuditPage /> },
  { path: 'reports', element: <ReportsPage /> },
  {
    path: 'analysis',
    element: <AnalysisLayout />,
    children: [
      { index: true, element: <BoardPage /> },
      { path: 'codebook', element: <CodebookPage /> },
      { path: 'table', element: <TablePage /> },
      { path: 'clouds', element: <CloudsPage /> },
      { path: 'representation', element: <RepresentationPage /> },
    ],
  },
  { path: 'people/import', element: <PeopleImportPage /> },
];

export const topRoutes: RouteObject[] = [
  { index: true, element: <ProgrammesPage /> },
  { path: 'admin', element: <AdminPage /> },
];

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
