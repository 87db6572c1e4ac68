import type { HiddenReason } from '../api';

/**
 * Fixtures for analysis answers under the API's suppression contract: the `suppression` blocks an
 * owner, a viewer and a view of too few patients get, and rows with hidden fields and their reasons.
 */
export const suppression = {
  /** Owners and editors: exact numbers. */
  exact: { applied: false, threshold: 10, rounding: 1, smallPopulation: false },
  /** Viewers and shared views: small cells hidden, counts rounded to 5. */
  viewer: { applied: true, threshold: 10, rounding: 5, smallPopulation: false },
  /** Fewer than 11 patients match the view: no numbers at all. */
  tooFew: { applied: true, threshold: 10, rounding: 5, smallPopulation: true },
};

type Hiding<T> = Partial<Record<keyof T & string, HiddenReason>>;
type Shown<T, H> = { [K in keyof T]: K extends keyof H ? null : T[K] } & {
  suppressed: string[];
  suppressedReasons: Record<string, HiddenReason>;
};

/** A row as the server sends it: the fields named in `hide` null, listed in `suppressed`, with their reasons. */
export function row<T extends object, H extends Hiding<T> = Record<never, HiddenReason>>(
  fields: T,
  hide: H = {} as H,
): Shown<T, H> {
  const out = { ...fields } as Record<string, unknown>;
  for (const f of Object.keys(hide)) out[f] = null;
  return {
    ...out,
    suppressed: Object.keys(hide),
    suppressedReasons: { ...hide } as Record<string, HiddenReason>,
  } as Shown<T, H>;
}

/** An element's text as seen on screen: without the explanations written for screen readers only. */
export function visibleText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  for (const sr of copy.querySelectorAll('[data-sr-only]')) sr.remove();
  return copy.textContent ?? '';
}
