import { roleAllows, type Workspace } from '@pathlight/core';
import { createContext, type ReactNode, useContext } from 'react';

interface WorkspaceValue {
  workspace: Workspace;
  /** Editors and owners change content; viewers only read. */
  canEdit: boolean;
  /** Owners manage members and delete. */
  isOwner: boolean;
}

const WorkspaceContext = createContext<WorkspaceValue | null>(null);

/** Makes the current workspace and what the caller may do in it available to a screen. */
export function WorkspaceProvider({ workspace, children }: { workspace: Workspace; children: ReactNode }) {
  const value = {
    workspace,
    canEdit: roleAllows(workspace.role, 'editor'),
    isOwner: roleAllows(workspace.role, 'owner'),
  };
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

/** The current workspace (throws outside a workspace route, a programming error). */
export function useWorkspace(): WorkspaceValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace must be used inside <WorkspaceProvider>');
  return value;
}
