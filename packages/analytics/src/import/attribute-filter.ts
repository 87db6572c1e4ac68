import { looksLikeDirectIdentifier } from '../pseudonymise';

/**
 * Decides once per attribute name whether an importer keeps it: names that look like direct identifiers
 * (see looksLikeDirectIdentifier) are dropped unless listed in `keep`. Remembers what it dropped, in order.
 */
export class AttributeFilter {
  private readonly decisions = new Map<string, boolean>();
  private readonly keep: ReadonlySet<string>;
  readonly dropped: string[] = [];

  constructor(keep: readonly string[] = []) {
    this.keep = new Set(keep);
  }

  keeps(name: string): boolean {
    let keep = this.decisions.get(name);
    if (keep === undefined) {
      keep = this.keep.has(name) || !looksLikeDirectIdentifier(name);
      this.decisions.set(name, keep);
      if (!keep) this.dropped.push(name);
    }
    return keep;
  }
}
