import type { Workspace } from '@pathlight/core';
import { useEffect } from 'react';
import { matchPath, navigate, usePath } from '../router/router';
import { AppFrame, type Section } from '../screens/app-frame/app-frame';
import { DashboardPage } from '../screens/dashboard/dashboard-page';
import { DataSourcesPage } from '../screens/data-sources/data-sources-page';
import { JourneyList } from '../screens/journey-list/journey-list';
import { JourneyPage } from '../screens/journey-page/journey-page';
import { MembersPage } from '../screens/members/members-page';
import { PersonasPage } from '../screens/personas/personas-page';
import { ProcessMapPage } from '../screens/process-map/process-map-page';
import { SignIn } from '../screens/sign-in/sign-in';
import { UsersPage } from '../screens/users/users-page';
import { NoWorkspace, Unreachable } from '../screens/welcome/welcome';
import { SessionProvider, useSession, useSignedIn } from './session';
import { WorkspaceProvider } from './workspace';

/** The whole app: session first, then the signed-in frame and the screen for the URL. */
export function App() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}

function Gate() {
  const { state, signIn, retry } = useSession();
  if (state.status === 'loading') {
    return (
      <p className="muted" role="status" style={{ padding: 24 }}>
        Loading Pathlight…
      </p>
    );
  }
  if (state.status === 'unreachable') return <Unreachable error={state.error} onRetry={retry} />;
  if (state.status === 'signed-out') return <SignIn onSignIn={signIn} expired={state.expired} />;
  return <SignedIn />;
}

type Route =
  | { section: 'journeys'; workspaceId: string }
  | { section: 'journey'; workspaceId: string; journeyId: string }
  | { section: 'personas'; workspaceId: string }
  | { section: 'members'; workspaceId: string }
  | { section: 'data'; workspaceId: string }
  | { section: 'process-map'; workspaceId: string }
  | { section: 'dashboard'; workspaceId: string }
  | { section: 'users' }
  | { section: 'home' };

/** Reads the route from a path. */
export function parseRoute(path: string): Route {
  const journey = matchPath('/w/:workspaceId/journeys/:journeyId', path);
  if (journey)
    return { section: 'journey', workspaceId: journey.workspaceId ?? '', journeyId: journey.journeyId ?? '' };
  for (const section of ['journeys', 'personas', 'members', 'data', 'process-map', 'dashboard'] as const) {
    const m = matchPath(`/w/:workspaceId/${section}`, path);
    if (m) return { section, workspaceId: m.workspaceId ?? '' };
  }
  if (matchPath('/users', path)) return { section: 'users' };
  return { section: 'home' };
}

const LAST_WORKSPACE = 'pathlight.lastWorkspace';

function SignedIn() {
  const { user, workspaces, signOut, reloadWorkspaces } = useSignedIn();
  const path = usePath();
  const route = parseRoute(path);
  const workspaceId =
    'workspaceId' in route ? route.workspaceId : (localStorage.getItem(LAST_WORKSPACE) ?? '');
  const current = workspaces.find((w) => w.id === workspaceId) ?? null;

  useEffect(() => {
    if (current) localStorage.setItem(LAST_WORKSPACE, current.id);
  }, [current]);

  // Home (or a workspace that is gone): go to the last or first workspace's journeys.
  const fallback = current ?? workspaces[0] ?? null;
  const needsRedirect =
    (route.section === 'home' || ('workspaceId' in route && !current)) && fallback !== null;
  useEffect(() => {
    if (needsRedirect && fallback) navigate(`/w/${fallback.id}/journeys`, { replace: true });
  }, [needsRedirect, fallback]);

  // Move focus to the page on navigation so keyboard and screen-reader users land on the new content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation on purpose
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);

  const onWorkspaceCreated = async (ws: Workspace) => {
    await reloadWorkspaces();
    navigate(`/w/${ws.id}/journeys`);
  };

  const section: Section | null =
    route.section === 'journey' ? 'journeys' : route.section === 'home' ? null : route.section;

  let content: React.ReactNode;
  if (route.section === 'users') content = <UsersPage />;
  else if (workspaces.length === 0) content = <NoWorkspace onCreated={onWorkspaceCreated} />;
  else if (!current || route.section === 'home') content = null;
  else {
    content = (
      <WorkspaceProvider workspace={current}>
        {route.section === 'journeys' ? <JourneyList /> : null}
        {route.section === 'journey' ? (
          <JourneyPage key={route.journeyId} journeyId={route.journeyId} />
        ) : null}
        {route.section === 'personas' ? <PersonasPage /> : null}
        {route.section === 'members' ? <MembersPage /> : null}
        {route.section === 'data' ? <DataSourcesPage /> : null}
        {route.section === 'process-map' ? <ProcessMapPage /> : null}
        {route.section === 'dashboard' ? <DashboardPage /> : null}
      </WorkspaceProvider>
    );
  }

  return (
    <AppFrame
      user={user}
      workspaces={workspaces}
      current={current}
      section={section}
      wide={route.section === 'journey'}
      onSignOut={signOut}
      onWorkspaceCreated={onWorkspaceCreated}
    >
      {content}
    </AppFrame>
  );
}
