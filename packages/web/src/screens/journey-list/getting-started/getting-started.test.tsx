import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ids, dataSource as source, summary } from '../../../test-utils/fixtures';
import { describeWorkspace, GettingStarted } from './getting-started';

describe('describeWorkspace', () => {
  it('says when there is no event data yet (failed or importing sources do not count)', () => {
    expect(describeWorkspace(1, [source({ status: 'failed', eventCount: 5 })])).toBe(
      'This workspace holds 1 journey map and no event data yet.',
    );
  });

  it('adds up the ready sources and spans their dates', () => {
    const text = describeWorkspace(3, [
      source({
        eventCount: 400_000,
        firstEvent: '2025-01-06T08:00:00.000Z',
        lastEvent: '2025-05-30T10:00:00.000Z',
      }),
      source({
        eventCount: 96_328,
        firstEvent: '2025-02-01T08:00:00.000Z',
        lastEvent: '2025-07-06T23:00:00.000Z',
      }),
      source({ status: 'importing', eventCount: 10 }),
    ]);
    expect(text).toMatch(
      /^This workspace holds 3 journey maps, lit by 496,328 events from .+ to .+ from 2 data sources\.$/,
    );
    expect(text).toContain('2025');
  });
});

describe('GettingStarted', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  const journeys = [
    summary({ id: ids.j1, name: 'Old draft', status: 'draft' }),
    summary({ id: ids.j2, name: 'Dental new patients', status: 'live' }),
  ];

  it('offers the live journey first, then import and templates for editors', () => {
    const onTemplates = vi.fn();
    render(
      <GettingStarted
        workspaceId={ids.ws}
        workspaceName="Riverside"
        journeys={journeys}
        sources={[source({ eventCount: 12 })]}
        canEdit
        onTemplates={onTemplates}
      />,
    );
    const open = screen.getByRole('link', { name: 'Open the journey' });
    expect(screen.getByText(/in “Dental new patients”/)).toBeTruthy();
    expect(open.getAttribute('href')).toBe(`/w/${ids.ws}/journeys/${ids.j2}`);
    expect(screen.getByRole('link', { name: 'Go to Data' }).getAttribute('href')).toBe(`/w/${ids.ws}/data`);
    fireEvent.click(screen.getByRole('button', { name: 'Browse templates' }));
    expect(onTemplates).toHaveBeenCalledOnce();
  });

  it('shows viewers no template step', () => {
    render(
      <GettingStarted
        workspaceId={ids.ws}
        workspaceName="Riverside"
        journeys={journeys}
        sources={[]}
        canEdit={false}
        onTemplates={() => {}}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Browse templates' })).toBeNull();
    expect(screen.getByRole('link', { name: 'See the data sources' })).toBeTruthy();
  });

  it('stays hidden for this workspace once dismissed', () => {
    const props = {
      workspaceId: ids.ws,
      workspaceName: 'Riverside',
      journeys,
      sources: [],
      canEdit: true,
      onTemplates: () => {},
    };
    const { unmount } = render(<GettingStarted {...props} />);
    fireEvent.click(screen.getByRole('button', { name: 'Hide this' }));
    expect(screen.queryByTestId('getting-started')).toBeNull();
    unmount();
    render(<GettingStarted {...props} />);
    expect(screen.queryByTestId('getting-started')).toBeNull();
  });
});
