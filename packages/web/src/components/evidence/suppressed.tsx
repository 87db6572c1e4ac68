/** Explains small-cell suppression wherever a hidden number is shown. */
export const SUPPRESSION_NOTE =
  'Fewer than 11 patients: the exact number is hidden so no one can be recognised. Numbers that would let it be worked out are hidden too.';

/** "<11" with the rule as a tooltip and for screen readers. */
export function Suppressed() {
  return (
    <abbr title={SUPPRESSION_NOTE} style={{ textDecoration: 'underline dotted', cursor: 'help' }}>
      &lt;11
    </abbr>
  );
}
