import { z } from 'zod';

/** Contact channels a touchpoint (or a persona's preference) can use. */
export const Channel = z.enum([
  'web',
  'search',
  'social',
  'phone',
  'sms',
  'email',
  'portal',
  'app',
  'in-person',
  'mail',
  'referral',
  'video',
]);
export type Channel = z.infer<typeof Channel>;

/** How sure we are of a claim: seen in data or in person, heard from someone, or guessed. */
export const Confidence = z.enum(['observed', 'reported', 'assumed']);
export type Confidence = z.infer<typeof Confidence>;

export const EvidenceKind = z.enum([
  'interview',
  'survey',
  'event-log',
  'support-ticket',
  'review',
  'observation',
  'staff-report',
]);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
/** An instant, ISO 8601 with offset. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** Stable identifiers inside documents: short, URL-safe. */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, "-" or "_"');

/** Free text shown on the map: trimmed, bounded so a document stays a sane size. */
export const Text = (max: number) => z.string().trim().max(max);
export const Name = z.string().trim().min(1, 'must not be empty').max(200);
