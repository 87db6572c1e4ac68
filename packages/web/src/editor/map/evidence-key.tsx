import { CONFIDENCE_LABELS, ConfidenceGlyph } from '../glyphs/glyphs';

/** The evidence key (also drawn on the PDF poster). */
export function EvidenceKey() {
  return (
    <span className="pl-evkey">
      <strong>Evidence:</strong>
      {(['observed', 'reported', 'assumed'] as const).map((c) => (
        <span key={c} className={`pl-chip pl-evidence pl-evidence--${c}`}>
          <ConfidenceGlyph confidence={c} />
          {CONFIDENCE_LABELS[c]}
        </span>
      ))}
    </span>
  );
}
