import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { counterIds, sampleJourney, samplePersonas } from '../fixtures/sample-journey';
import * as cmd from '../store/commands/index';
import type { EditorStore } from '../store/editor-store';
import { JourneyEditor } from './journey-editor';

afterEach(cleanup);

function mount(readOnly = false) {
  let store: EditorStore | null = null;
  render(
    <JourneyEditor
      journey={{ version: 1, document: sampleJourney() }}
      personas={samplePersonas}
      readOnly={readOnly}
      save={async (_d, v) => ({ ok: true, version: v + 1 })}
      newId={counterIds('n')}
      onReady={(h) => {
        store = h.store;
      }}
    />,
  );
  return { store: () => store! };
}

/** The toolbar's Tab stops in order: enabled controls that are not taken out of the Tab order. */
function tabStops(): HTMLElement[] {
  const toolbar = screen.getByRole('toolbar', { name: 'Map tools' });
  return [...toolbar.querySelectorAll<HTMLElement>('button, select, input, [tabindex]')].filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled,
  );
}

const nextFrame = () => act(() => new Promise<void>((r) => requestAnimationFrame(() => r())));

describe('the editor by keyboard', () => {
  it('every toolbar control is a Tab stop, Export and Hidden included; header menus stay in the grid', () => {
    const { store } = mount();
    act(() => {
      store().dispatch(cmd.hideStep, { stepId: 't4', hidden: true });
    });
    const stops = tabStops();
    expect(stops).toContain(screen.getByTestId('export-menu'));
    expect(stops).toContain(screen.getByRole('button', { name: 'Hidden items (1)' }));
    expect(stops).toContain(screen.getByTestId('keys-button'));
    expect(stops).toContain(screen.getByTestId('details-toggle'));
    expect(stops).toContain(screen.getByTestId('persona-filter'));
    // The map's header menus are reached through the header cells (arrows, then Enter), not Tab.
    expect(screen.getByRole('button', { name: 'Step options: Call the practice' }).tabIndex).toBe(-1);
  });

  it('a toolbar menu opens with ArrowDown, Enter or Space; arrows, Home and End move; Escape closes and returns focus', () => {
    mount();
    const button = screen.getByTestId('export-menu');
    button.focus();
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    const menu = screen.getByRole('menu', { name: 'Export the map' });
    const items = within(menu).getAllByRole('menuitem');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[1]);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(items.at(-1));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    for (const key of ['Enter', ' ']) {
      fireEvent.keyDown(button, { key });
      expect(document.activeElement).toBe(within(screen.getByRole('menu')).getAllByRole('menuitem')[0]);
      fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    }
    fireEvent.keyDown(button, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(within(screen.getByRole('menu')).getAllByRole('menuitem').at(-1));
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('Keys opens a shortcuts popover kept inside a 1280 px window; Escape closes it and returns focus', () => {
    mount();
    const keys = screen.getByTestId('keys-button');
    // The button sits at the right edge of the toolbar.
    keys.getBoundingClientRect = () => DOMRect.fromRect({ x: 1230, y: 10, width: 46, height: 30 });
    Object.defineProperty(document.documentElement, 'clientWidth', { value: 1280, configurable: true });
    fireEvent.click(keys);
    const pop = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(document.activeElement).toBe(pop);
    const left = Number.parseFloat(pop.style.left);
    const width = Number.parseFloat(pop.style.width);
    expect(left).toBeGreaterThanOrEqual(8);
    expect(left + width).toBeLessThanOrEqual(1280 - 8);
    expect(pop.className).not.toContain('sheet');
    fireEvent.keyDown(pop, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
    expect(document.activeElement).toBe(keys);
  });

  it('Keys is a sheet along the bottom on a 390 px screen', () => {
    mount();
    Object.defineProperty(document.documentElement, 'clientWidth', { value: 390, configurable: true });
    try {
      fireEvent.click(screen.getByTestId('keys-button'));
      const pop = screen.getByTestId('keys-popover');
      expect(pop.className).toContain('pl-help__pop--sheet');
      expect(pop.style.left).toBe('');
      fireEvent.click(within(pop).getByRole('button', { name: 'Close' }));
      expect(screen.queryByTestId('keys-popover')).toBeNull();
      expect(document.activeElement).toBe(screen.getByTestId('keys-button'));
    } finally {
      Object.defineProperty(document.documentElement, 'clientWidth', { value: 1280, configurable: true });
    }
  });

  it('Escape in the card panel closes it and returns focus to the card', () => {
    const { store } = mount();
    const card = within(screen.getByRole('grid'))
      .getByText('Fills in paper forms')
      .closest<HTMLElement>('[data-card-id]')!;
    fireEvent.click(card);
    const panel = screen.getByTestId('card-panel');
    const text = within(panel).getByLabelText('Text');
    text.focus();
    fireEvent.keyDown(text, { key: 'Escape' });
    expect(screen.queryByTestId('card-panel')).toBeNull();
    expect(store().ui.selection).toBeNull();
    expect(document.activeElement).toBe(card);
  });

  it('Escape on the card whose panel is open closes the panel; the next Escape goes to the cell', () => {
    mount();
    const card = within(screen.getByRole('grid'))
      .getByText('Fills in paper forms')
      .closest<HTMLElement>('[data-card-id]')!;
    fireEvent.click(card);
    expect(document.activeElement).toBe(card);
    fireEvent.keyDown(card, { key: 'Escape' });
    expect(screen.queryByTestId('card-panel')).toBeNull();
    expect(document.activeElement).toBe(card);
    fireEvent.keyDown(card, { key: 'Escape' });
    expect(document.activeElement).toBe(card.closest('[data-cell]'));
  });

  it('Escape from the toolbar or the page closes the open panel (viewers too)', () => {
    mount(true);
    const card = within(screen.getByRole('grid'))
      .getByText('Shows insurance card')
      .closest<HTMLElement>('[data-card-id]')!;
    fireEvent.click(card);
    const close = within(screen.getByTestId('card-panel')).getByRole('button', { name: 'Close' });
    close.focus();
    fireEvent.keyDown(close, { key: 'Escape' });
    expect(screen.queryByTestId('card-panel')).toBeNull();
    expect(document.activeElement).toBe(card);
    fireEvent.click(card);
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByTestId('card-panel')).toBeNull();
    expect(document.activeElement).toBe(card);
  });

  it('Escape closes the details panel and returns focus to the Details button', () => {
    mount();
    const toggle = screen.getByTestId('details-toggle');
    fireEvent.click(toggle);
    const name = within(screen.getByTestId('details-panel')).getByLabelText('Name');
    name.focus();
    fireEvent.keyDown(name, { key: 'Escape' });
    expect(screen.queryByTestId('details-panel')).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('a dialog opened from a header menu closes with Escape and gives focus back to that menu button', async () => {
    mount();
    const menuButton = screen.getByRole('button', { name: 'Step options: Call the practice' });
    fireEvent.click(menuButton);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Evidence from data…' }));
    const dialog = screen.getByRole('dialog', { name: /Evidence from data/ });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await nextFrame();
    expect(screen.queryByRole('dialog', { name: /Evidence from data/ })).toBeNull();
    expect(document.activeElement).toBe(menuButton);
  });
});
