import { useWorkspace } from '../../app/workspace';
import { useTitle } from '../../ui/use-title';

/** Dashboard of the workspace. */
export function DashboardPage() {
  const { workspace } = useWorkspace();
  useTitle(`Dashboard — ${workspace.name}`);
  return <h1>Dashboard</h1>;
}
