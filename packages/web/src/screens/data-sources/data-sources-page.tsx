import { useWorkspace } from '../../app/workspace';
import { useTitle } from '../../ui/use-title';

/** Data of the workspace. */
export function DataSourcesPage() {
  const { workspace } = useWorkspace();
  useTitle(`Data — ${workspace.name}`);
  return <h1>Data</h1>;
}
