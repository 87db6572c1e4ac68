import type { Displayed, Phrase } from '../../lib/format';
import styles from './privacy.module.css';

/**
 * A number that may be hidden: as it is, or "<11" / "hidden" muted with its reason as a tooltip and,
 * right after it, as text for screen readers. `testId` and `className` go on the visible number.
 */
export function Shown({
  value,
  testId,
  className,
}: {
  value: Displayed;
  testId?: string | undefined;
  className?: string | undefined;
}) {
  if (!value.hidden)
    return (
      <span data-testid={testId} className={className}>
        {value.text}
      </span>
    );
  return (
    <>
      <span
        data-testid={testId}
        className={[className, styles.hidden].filter(Boolean).join(' ')}
        title={value.hidden.help}
        data-hidden={value.hidden.reason ?? 'unknown'}
      >
        {value.text}
      </span>
      <span className="visually-hidden" data-sr-only="">
        {' '}
        ({value.hidden.help})
      </span>
    </>
  );
}

/** A phrase whose numbers may be hidden ("<11 / 1,410 events"), each hidden number as `Shown`. */
export function ShownPhrase({ phrase }: { phrase: Phrase }) {
  return phrase.map((part, i) =>
    typeof part === 'string' ? (
      part
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: a phrase's parts never move
      <Shown key={i} value={part} />
    ),
  );
}
