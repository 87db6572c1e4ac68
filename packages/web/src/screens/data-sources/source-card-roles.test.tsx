import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { dataSource } from '../../test-utils/fixtures';
import { SourceCard } from './source-card';

afterEach(cleanup);

const card = (canEdit: boolean, canDelete: boolean) =>
  render(
    <ul>
      <SourceCard
        source={dataSource({ name: 'Clinic export', status: 'ready' })}
        job={undefined}
        canEdit={canEdit}
        canDelete={canDelete}
        onRenamed={() => {}}
        onDeleted={() => {}}
        onRefreshFile={() => {}}
      />
    </ul>,
  );

describe('SourceCard actions follow the role (as the server enforces them)', () => {
  it('owners rename, refresh and delete', () => {
    card(true, true);
    for (const name of ['Rename', 'Refresh with a new file…', 'Delete'])
      expect(screen.getByRole('button', { name })).toBeTruthy();
  });

  it('editors rename and refresh but do not see Delete', () => {
    card(true, false);
    expect(screen.getByRole('button', { name: 'Rename' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it('viewers see no actions', () => {
    card(false, false);
    expect(screen.queryAllByRole('button')).toEqual([]);
  });
});
