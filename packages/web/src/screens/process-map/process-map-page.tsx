import { useWorkspace } from '../../app/workspace';
import { useTitle } from '../../ui/use-title';

/** Process map of the workspace. */
export function ProcessMapPage() {
  const { workspace } = useWorkspace();
  useTitle(`Process map — ${workspace.name}`);
  return <h1>Process map</h1>;
}
