import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HIDDEN_HELP } from '../../lib/format';
import { row, visibleText } from '../../test-utils/analysis';
import { ConformancePanel } from './conformance-panel';

afterEach(cleanup);

const conformance = {
  ...row({ fittingCases: 9, fittingShare: 0.04 }, { fittingCases: 'small', fittingShare: 'derived' }),
  steps: [
    row({ step: 'Book', stepId: 't1', skipped: 30, outOfOrder: 4 }, { outOfOrder: 'small' }),
    row({ step: 'Arrive', stepId: 't3', skipped: 120, outOfOrder: 0 }, { skipped: 'complementary' }),
  ],
  unmappedActivities: [row({ name: 'portal.login', events: 400 })],
};

describe('ConformancePanel for a viewer', () => {
  it('reads the fitting share "hidden" and only small counts "<11", and says which activities are left out', () => {
    render(
      <ConformancePanel
        conformance={conformance}
        privacy={{ omitted: { unmappedActivities: 12 } }}
        stepNames={new Map()}
        stages={[]}
        store={null}
        canEdit={false}
        onClose={() => {}}
      />,
    );
    const share = screen.getByTestId('fitting-share');
    expect(share.textContent).toBe('hidden');
    expect(share.getAttribute('title')).toBe(HIDDEN_HELP.derived);
    expect(visibleText(share.closest('p') as HTMLElement)).toBe(
      'hidden of patients followed the designed path in order, without skipping a required step (<11 patients).',
    );
    expect(screen.getByTestId('fitting-explained').textContent).toContain(
      'reached every required step that has activities mapped',
    );
    const rows = [...screen.getByTestId('conformance-steps').querySelectorAll('tbody tr')].map(visibleText);
    expect(rows).toEqual(['Book30<11', 'Arrivehidden0']);
    expect(screen.getByTestId('omitted-unmappedActivities').textContent).toBe(
      '12 activities not on the map done by fewer than 11 patients are not shown.',
    );
  });
});

describe('ConformancePanel for an owner', () => {
  it('words the fitting share as the analysis counts it', () => {
    render(
      <ConformancePanel
        conformance={{ ...conformance, ...row({ fittingCases: 35, fittingShare: 0.0875 }) }}
        privacy={{ omitted: {} }}
        stepNames={new Map()}
        stages={[]}
        store={null}
        canEdit={false}
        onClose={() => {}}
      />,
    );
    expect(visibleText(screen.getByTestId('fitting-share').closest('p') as HTMLElement)).toBe(
      '8.8% of patients followed the designed path in order, without skipping a required step (35 patients).',
    );
  });
});
