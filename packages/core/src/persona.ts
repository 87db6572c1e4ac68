import { z } from 'zod';
import { Evidence } from './evidence';
import { Channel, Id, IsoDateTime, Name, Text } from './vocabulary';

export const PersonaKind = z.enum(['patient', 'caregiver', 'clinician', 'front-desk', 'buyer']);
export type PersonaKind = z.infer<typeof PersonaKind>;

const List = z
  .array(Text(300).pipe(z.string().min(1)))
  .max(30)
  .default([]);

/** The editable part of a persona in the workspace library. */
export const PersonaContent = z.strictObject({
  name: Name,
  kind: PersonaKind,
  /** Job title for buyers and staff, e.g. "Medical director". */
  role: Text(120).default(''),
  summary: Text(2000).default(''),
  goals: List,
  needs: List,
  barriers: List,
  channels: z.array(Channel).max(12).default([]),
  quote: Text(500).default(''),
  /** Colour of the persona's emotion curve, `#rrggbb`. */
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'use a #rrggbb colour')
    .default('#2563eb'),
  evidence: z.array(Evidence).max(50).default([]),
  /**
   * The template persona this one was made from, so that later journeys from the same template link to
   * this persona instead of copying it into the library again.
   */
  origin: z
    .strictObject({ templateId: z.string().min(1).max(100), personaId: Id })
    .nullable()
    .default(null),
});
export type PersonaContent = z.infer<typeof PersonaContent>;
export type PersonaInput = z.input<typeof PersonaContent>;

export const Persona = PersonaContent.extend({
  id: Id,
  workspaceId: z.uuid(),
  version: z.number().int().positive(),
  updatedAt: IsoDateTime,
});
export type Persona = z.infer<typeof Persona>;
