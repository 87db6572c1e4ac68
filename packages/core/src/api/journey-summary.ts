import { z } from 'zod';
import { JourneyStatus } from '../journey';
import { Id, IsoDateTime } from '../vocabulary';

/** One row of a workspace's journey list: what a list shows, without the document. */
export const JourneySummary = z
  .object({
    id: z.uuid(),
    workspaceId: z.uuid(),
    name: z.string(),
    status: JourneyStatus,
    ownerId: z.uuid().nullable(),
    personaIds: z.array(Id),
    tags: z.array(z.string()),
    reviewCadenceDays: z.number().int().nullable(),
    lastReviewedAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    updatedBy: z.uuid().nullable(),
  })
  .meta({ id: 'JourneySummary' });
export type JourneySummary = z.infer<typeof JourneySummary>;
