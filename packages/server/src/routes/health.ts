import { createRoute, z } from '@hono/zod-openapi';
import { jsonResponse, router } from '../openapi';

const health = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['system'],
  summary: 'Liveness check',
  responses: { 200: jsonResponse(z.object({ status: z.literal('ok') }), 'The server is up') },
});

/** `GET /api/health`. */
export function healthRoutes() {
  return router().openapi(health, (c) => c.json({ status: 'ok' as const }, 200));
}
