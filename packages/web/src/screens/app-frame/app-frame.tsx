import type { User, Workspace } from '@pathlight/core';
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link } from '../../router/link';
import { navigate } from '../../router/router';
import { useDismiss } from '../../ui/use-dismiss';
import styles from './app-frame.module.css';
import { ChangePasswordDialog } from './change-password-dialog';
import { WorkspaceSwitcher } from './workspace-switcher';

export type Section = 'journeys' | 'personas' | 'members' | 'users' | 'data' | 'process-map' | 'dashboard';

interface AppFrameProps {
  user: User;
  workspaces: Workspace[];
  current: Workspace | null;
  section: Section | null;
  /** Less padding around the page (the map editor wants the room). */
  wide?: boolean;
  onSignOut: () => Promise<void>;
  onWorkspaceCreated: (workspace: Workspace) => Promise<void>;
  children: ReactNode;
}

/**
 * Header (product, workspace switcher, user menu), left navigation and the page. On a narrow screen
 * the navigation folds behind a Menu button in the header (see the CSS module's media query).
 */
export function AppFrame({
  user,
  workspaces,
  current,
  section,
  wide = false,
  onSignOut,
  onWorkspaceCreated,
  children,
}: AppFrameProps) {
  const nav: { key: Section; label: string; to: string; show: boolean }[] = current
    ? [
        { key: 'journeys', label: 'Journeys', to: `/w/${current.id}/journeys`, show: true },
        { key: 'personas', label: 'Personas', to: `/w/${current.id}/personas`, show: true },
        { key: 'data', label: 'Data', to: `/w/${current.id}/data`, show: true },
        { key: 'process-map', label: 'Process map', to: `/w/${current.id}/process-map`, show: true },
        { key: 'dashboard', label: 'Dashboard', to: `/w/${current.id}/dashboard`, show: true },
        { key: 'members', label: 'Members', to: `/w/${current.id}/members`, show: current.role === 'owner' },
      ]
    : [];
  const menu = useNavMenu(section);

  return (
    <div className={styles.frame}>
      <a href="#main" className={styles.skip}>
        Skip to content
      </a>
      <header className={styles.header}>
        <button
          ref={menu.buttonRef}
          type="button"
          className={styles.menuButton}
          aria-expanded={menu.open}
          aria-controls={menu.navId}
          onClick={menu.toggle}
        >
          <span aria-hidden="true" className={styles.menuIcon}>
            {menu.open ? '✕' : '☰'}
          </span>
          Menu
        </button>
        <Link to="/" className={styles.brand}>
          <span aria-hidden="true">◆</span> <span className={styles.brandName}>Pathlight</span>
        </Link>
        <WorkspaceSwitcher workspaces={workspaces} current={current} onCreated={onWorkspaceCreated} />
        <div className={styles.spacer} />
        <UserMenu user={user} onSignOut={onSignOut} />
      </header>
      {menu.open ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: a backdrop tap is a pointer shortcut; Escape and the Menu button cover the keyboard
        // biome-ignore lint/a11y/useKeyWithClickEvents: as above
        <div className={styles.navBackdrop} onClick={menu.close} />
      ) : null}
      <nav
        ref={menu.navRef}
        id={menu.navId}
        className={styles.nav}
        aria-label="Main"
        data-open={menu.open}
        onClick={(e) => {
          // a followed link closes the folded menu
          if ((e.target as HTMLElement).closest('a')) menu.close();
        }}
        onKeyDown={menu.onKeyDown}
      >
        <ul>
          {nav
            .filter((n) => n.show)
            .map((n) => (
              <li key={n.key}>
                <Link
                  to={n.to}
                  aria-current={n.key === section ? 'page' : undefined}
                  className={styles.navLink}
                >
                  {n.label}
                </Link>
              </li>
            ))}
        </ul>
        {user.isAdmin ? (
          <>
            <p className={styles.navGroup} id="nav-admin">
              Administration
            </p>
            <ul aria-labelledby="nav-admin">
              <li>
                <Link
                  to="/users"
                  aria-current={section === 'users' ? 'page' : undefined}
                  className={styles.navLink}
                >
                  Users
                </Link>
              </li>
            </ul>
          </>
        ) : null}
        {current ? (
          <p className={styles.navRole}>
            Your role here: <strong>{current.role}</strong>
            {current.role === 'viewer' ? (
              <span className={styles.navRoleNote}>You can read everything but not change it.</span>
            ) : null}
          </p>
        ) : null}
      </nav>
      <main id="main" className={wide ? `${styles.main} ${styles.mainWide}` : styles.main} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

/**
 * The folding navigation's state: open and shut from the Menu button; Escape closes it and gives
 * focus back to the button; a new section closes it.
 */
function useNavMenu(section: Section | null) {
  const [open, setOpen] = useState(false);
  const navId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const navRef = useRef<HTMLElement>(null);
  const close = useCallback(() => setOpen(false), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the point of a section change
  useEffect(() => setOpen(false), [section]);
  useEffect(() => {
    if (!open) return;
    navRef.current?.querySelector<HTMLElement>('a')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return {
    open,
    navId,
    buttonRef,
    navRef,
    close,
    toggle: () => setOpen((o) => !o),
    /** Tab past the last link closes the menu, so focus never walks on behind it. */
    onKeyDown: (e: React.KeyboardEvent) => {
      if (!open || e.key !== 'Tab' || e.shiftKey) return;
      const links = navRef.current?.querySelectorAll<HTMLElement>('a');
      if (links && document.activeElement === links[links.length - 1]) setOpen(false);
    },
  };
}

function UserMenu({ user, onSignOut }: { user: User; onSignOut: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [changing, setChanging] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (!notice) return;
    const hide = setTimeout(() => setNotice(null), 10_000);
    return () => clearTimeout(hide);
  }, [notice]);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, ref, close);
  const initials = user.name
    .split(/\s+/)
    .map((p) => p[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return (
    <div className={styles.userMenu} ref={ref}>
      <button
        type="button"
        className={styles.userButton}
        aria-expanded={open}
        onClick={() => {
          setNotice(null);
          setOpen((o) => !o);
        }}
      >
        <span className={styles.avatar} aria-hidden="true">
          {initials}
        </span>
        <span className={styles.userName}>{user.name}</span>
        <span aria-hidden="true" className={styles.caret}>
          ▾
        </span>
      </button>
      {open ? (
        <div className={`${styles.popover} ${styles.popoverRight}`}>
          <p className={styles.userEmail}>{user.email}</p>
          {user.isAdmin ? <p className="muted">Administrator</p> : null}
          <div className={styles.userActions}>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                setOpen(false);
                setChanging(true);
              }}
            >
              Change password…
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={async () => {
                setOpen(false);
                await onSignOut();
                navigate('/', { replace: true });
              }}
            >
              Sign out
            </button>
          </div>
        </div>
      ) : null}
      {notice ? (
        <div className={`banner banner-success ${styles.userNotice}`} role="status">
          {notice}
        </div>
      ) : null}
      {changing ? (
        <ChangePasswordDialog
          email={user.email}
          onClose={() => setChanging(false)}
          onChanged={() => {
            setChanging(false);
            setNotice('Your password is changed. Any other sessions you had are signed out.');
          }}
        />
      ) : null}
    </div>
  );
}
