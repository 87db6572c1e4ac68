import { DEFAULT_SUBJECT, type JourneySubject } from '@pathlight/core';
import { formatCount } from './numbers';

/** Who a journey's cases are ("patient"/"patients", "account"/"accounts"). */
export type Subject = JourneySubject;

/** The subject where no journey is in scope (the workspace process map, the data pages). */
export const PATIENTS: Subject = DEFAULT_SUBJECT;

/** The subject's word for a count: "1 account" but "0 accounts", "2 accounts"; plural when unknown. */
export function subjectWord(n: number | null, subject: Subject = PATIENTS): string {
  return n === 1 ? subject.singular : subject.plural;
}

/** A count with the subject's word: "1 account", "1,204 patients". */
export function countOf(n: number, subject: Subject = PATIENTS): string {
  return `${formatCount(n)} ${subjectWord(n, subject)}`;
}
