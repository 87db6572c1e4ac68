import {
  omittedNote,
  type Privacy,
  roundingNote,
  type Subject,
  smallPopulationMessage,
} from '../../lib/format';
import { useSubject } from '../subject/subject';
import styles from './privacy.module.css';

/** The one message a view with fewer than 11 patients shows in place of its numbers. */
export function SmallPopulation({ className, subject }: { className?: string; subject?: Subject }) {
  const inScope = useSubject();
  return (
    <p
      className={['banner banner-info', styles.smallPopulation, className].filter(Boolean).join(' ')}
      role="status"
      data-testid="small-population"
    >
      {smallPopulationMessage(subject ?? inScope)}
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
export function OmittedNote({
  privacy,
  list,
  subject,
}: {
  privacy: Pick<Privacy, 'omitted'>;
  list: string;
  subject?: Subject;
}) {
  const inScope = useSubject();
  const text = omittedNote(privacy, list, subject ?? inScope);
  return text ? (
    <p className={styles.note} data-testid={`omitted-${list}`}>
      {text}
    </p>
  ) : null;
}
