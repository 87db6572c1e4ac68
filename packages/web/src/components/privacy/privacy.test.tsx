import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  formatPercent,
  HIDDEN_HELP,
  privacyOf,
  SMALL_POPULATION_MESSAGE,
  shownField,
} from '../../lib/format';
import { row, suppression, visibleText } from '../../test-utils/analysis';
import { OmittedNote, RoundingNote, SmallPopulation } from './privacy-notes';
import { Shown, ShownPhrase } from './shown';

afterEach(cleanup);

const step = row(
  { cases: 8, share: 0.02, lost: 392, kept: 240 },
  { cases: 'small', share: 'derived', lost: 'complementary' },
);

describe('Shown', () => {
  it('shows a number as it is, with nothing for screen readers to add', () => {
    const { container } = render(<Shown value={shownField(step, 'kept')} testId="n" />);
    expect(container.textContent).toBe('240');
    expect(screen.getByTestId('n').getAttribute('title')).toBeNull();
  });

  it('shows "<11" for a small count, with the rule as tooltip and as text for screen readers', () => {
    const { container } = render(<Shown value={shownField(step, 'cases')} testId="n" />);
    const n = screen.getByTestId('n');
    expect(n.textContent).toBe('<11');
    expect(n.getAttribute('title')).toBe(HIDDEN_HELP.small);
    expect(n.dataset.hidden).toBe('small');
    expect(visibleText(container)).toBe('<11');
    expect(container.textContent).toBe(`<11 (${HIDDEN_HELP.small})`);
  });

  it('shows "hidden" for a hidden share or a large count, each with its own sentence', () => {
    render(
      <p data-testid="line">
        <ShownPhrase
          phrase={[shownField(step, 'share', formatPercent), ' kept, ', shownField(step, 'lost'), ' lost']}
        />
      </p>,
    );
    const line = screen.getByTestId('line');
    expect(visibleText(line)).toBe('hidden kept, hidden lost');
    const [share, lost] = screen.getAllByText('hidden');
    expect(share?.getAttribute('title')).toBe(HIDDEN_HELP.derived);
    expect(lost?.getAttribute('title')).toBe(HIDDEN_HELP.complementary);
    expect(line.textContent).toContain(HIDDEN_HELP.complementary);
  });
});

describe('privacy notes', () => {
  it('says once that the view has too few patients', () => {
    render(<SmallPopulation />);
    expect(screen.getByRole('status').textContent).toBe(SMALL_POPULATION_MESSAGE);
  });

  it('says counts are rounded only when they are', () => {
    const { rerender } = render(<RoundingNote privacy={privacyOf({ suppression: suppression.viewer })} />);
    expect(screen.getByTestId('rounding-note').textContent).toBe(
      'Counts rounded to the nearest 5 for privacy.',
    );
    rerender(<RoundingNote privacy={privacyOf({ suppression: suppression.exact })} />);
    expect(screen.queryByTestId('rounding-note')).toBeNull();
  });

  it('says how many rows of a list were left out', () => {
    const p = privacyOf({ suppression: suppression.viewer, omitted: { variants: 37 } });
    render(
      <>
        <OmittedNote privacy={p} list="variants" />
        <OmittedNote privacy={p} list="edges" />
      </>,
    );
    expect(screen.getByTestId('omitted-variants').textContent).toBe(
      '37 paths taken by fewer than 11 patients are not shown.',
    );
    expect(screen.queryByTestId('omitted-edges')).toBeNull();
  });
});
