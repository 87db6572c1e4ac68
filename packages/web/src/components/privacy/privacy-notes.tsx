import { omittedNote, type Privacy, roundingNote, SMALL_POPULATION_MESSAGE } from '../../lib/format';
import styles from './privacy.module.css';

/** The one message a view with fewer than 11 patients shows in place of its numbers. */
export function SmallPopulation({ className }: { className?: string }) {
  return (
    <p
      className={['banner banner-info', styles.smallPopulation, className].filter(Boolean).join(' ')}
      role="status"
      data-testid="small-population"
    >
      {SMALL_POPULATION_MESSAGE}
    </p>
  );
}

/** "Counts rounded to the nearest 5 for privacy", once per view; nothing when counts are exact. */
export function RoundingNote({ privacy }: { privacy: Pick<Privacy, 'rounding'> }) {
  const text = roundingNote(privacy);
  return text ? (
    <p className={styles.note} data-testid="rounding-note">
      {text}
    </p>
  ) : null;
}

/** Where a list is, how many of its rows (held by 1–10 patients) the server left out. */
export function OmittedNote({ privacy, list }: { privacy: Pick<Privacy, 'omitted'>; list: string }) {
  const text = omittedNote(privacy, list);
  return text ? (
    <p className={styles.note} data-testid={`omitted-${list}`}>
      {text}
    </p>
  ) : null;
}
