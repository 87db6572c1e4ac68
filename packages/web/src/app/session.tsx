import type { User, Workspace } from '@pathlight/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, http } from '../api';

type SessionState =
  | { status: 'loading' }
  | { status: 'unreachable'; error: unknown }
  | { status: 'signed-out'; expired: boolean }
  | { status: 'signed-in'; user: User; workspaces: Workspace[] };

interface SessionValue {
  state: SessionState;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Re-reads the caller's workspaces (after creating one or a role change). */
  reloadWorkspaces(): Promise<Workspace[]>;
  /** Tries to restore the session again (after the server could not be reached). */
  retry(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Holds who is signed in and their workspaces; a 401 anywhere returns the app to sign-in. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the restore on retry
  useEffect(() => {
    http.setOnUnauthorized(() =>
      setState((s) => (s.status === 'signed-in' ? { status: 'signed-out', expired: true } : s)),
    );
    let live = true;
    (async () => {
      try {
        const me = await api.me();
        const workspaces = await api.workspaces.list();
        if (live) setState({ status: 'signed-in', user: me.user, workspaces });
      } catch (e) {
        if (!live) return;
        // 401 is the normal "not signed in"; anything else means the server is down or broken.
        if (e instanceof ApiError && e.status === 401) setState({ status: 'signed-out', expired: false });
        else setState({ status: 'unreachable', error: e });
      }
    })();
    return () => {
      live = false;
      http.setOnUnauthorized(undefined);
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const me = await api.login(email, password);
    const workspaces = await api.workspaces.list();
    setState({ status: 'signed-in', user: me.user, workspaces });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setState({ status: 'signed-out', expired: false });
    }
  }, []);

  const reloadWorkspaces = useCallback(async () => {
    const workspaces = await api.workspaces.list();
    setState((s) => (s.status === 'signed-in' ? { ...s, workspaces } : s));
    return workspaces;
  }, []);

  const value = useMemo(
    () => ({ state, signIn, signOut, reloadWorkspaces, retry }),
    [state, signIn, signOut, reloadWorkspaces, retry],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session context (throws outside the provider, which is a programming error). */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user and workspaces; only valid below the signed-in part of the app. */
export function useSignedIn(): { user: User; workspaces: Workspace[] } & Omit<SessionValue, 'state'> {
  const { state, ...rest } = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedIn used while signed out');
  return { user: state.user, workspaces: state.workspaces, ...rest };
}
