import { createRoute, z } from '@hono/zod-openapi';
import { Id, templates } from '@pathlight/core';
import { errors, JourneyTemplate, jsonResponse, router } from '../openapi';
import { problems } from '../problem';
import { requireCaller } from '../session';

const TemplateSummary = z
  .object({
    id: Id,
    name: z.string(),
    summary: z.string(),
    category: JourneyTemplate.shape.category,
    stageCount: z.number().int(),
    stepCount: z.number().int(),
    personaCount: z.number().int(),
  })
  .openapi('TemplateSummary');

const list = createRoute({
  method: 'get',
  path: '/api/templates',
  tags: ['templates'],
  summary: 'Built-in journey templates (summaries)',
  responses: { 200: jsonResponse(z.array(TemplateSummary), 'Templates'), 401: errors[401] },
});

const get = createRoute({
  method: 'get',
  path: '/api/templates/{templateId}',
  tags: ['templates'],
  summary: 'One template in full, for preview',
  request: { params: z.object({ templateId: Id }) },
  responses: {
    200: jsonResponse(JourneyTemplate, 'The template'),
    401: errors[401],
    404: errors[404],
  },
});

/** Template catalogue. Instantiating one is `POST /api/workspaces/{id}/journeys` with `templateId`. */
export function templateRoutes() {
  return router()
    .openapi(list, (c) => {
      requireCaller(c);
      return c.json(
        templates.map((t) => ({
          id: t.id,
          name: t.name,
          summary: t.summary,
          category: t.category,
          stageCount: t.journey.stages.length,
          stepCount: t.journey.stages.reduce((n, s) => n + s.steps.length, 0),
          personaCount: t.personas.length,
        })),
        200,
      );
    })
    .openapi(get, (c) => {
      requireCaller(c);
      const { templateId } = c.req.valid('param');
      const template = templates.find((t) => t.id === templateId);
      if (!template) throw problems.notFound(`no template ${templateId}`);
      return c.json(template, 200);
    });
}
