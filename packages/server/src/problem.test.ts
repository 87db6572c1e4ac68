import { HTTPException } from 'hono/http-exception';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { type Outcome, ProblemError, problemResponse, toProblem, zodIssues } from './problem';

describe('toProblem: the one mapping from outcomes to HTTP', () => {
  const cases: [Outcome, number][] = [
    [{ kind: 'bad-request', detail: 'x' }, 400],
    [{ kind: 'invalid', detail: 'x', errors: [] }, 422],
    [{ kind: 'unauthorized', detail: 'x' }, 401],
    [{ kind: 'forbidden', detail: 'x' }, 403],
    [{ kind: 'not-found', detail: 'x' }, 404],
    [{ kind: 'conflict', detail: 'x' }, 409],
    [{ kind: 'payload-too-large', detail: 'x' }, 413],
    [{ kind: 'unsupported-media-type', detail: 'x' }, 415],
    [{ kind: 'precondition-required', detail: 'x' }, 428],
    [{ kind: 'too-many-requests', detail: 'x' }, 429],
    [{ kind: 'internal', detail: 'x' }, 500],
  ];
  test.each(cases)('%o → %i', (outcome, status) => {
    const p = toProblem(new ProblemError(outcome));
    expect(p.status).toBe(status);
    expect(p.body).toMatchObject({ type: `urn:pathlight:problem:${outcome.kind}`, status, detail: 'x' });
    expect(p.headers['content-type']).toBe('application/problem+json');
  });

  test('invalid carries its field issues; conflict its extra members; 429 its Retry-After', () => {
    const issues = [{ path: 'stages.0.name', message: 'must not be empty' }];
    expect(toProblem(new ProblemError({ kind: 'invalid', detail: 'd', errors: issues })).body.errors).toEqual(
      issues,
    );
    expect(
      toProblem(new ProblemError({ kind: 'conflict', detail: 'd', extra: { currentVersion: 2 } })).body
        .currentVersion,
    ).toBe(2);
    expect(
      toProblem(new ProblemError({ kind: 'too-many-requests', detail: 'd', retryAfterSeconds: 90 })).headers[
        'retry-after'
      ],
    ).toBe('90');
  });

  test("hono's own exceptions keep their meaning", () => {
    expect(
      toProblem(new HTTPException(400, { message: 'Malformed JSON in request body' })).body,
    ).toMatchObject({
      status: 400,
      detail: 'Malformed JSON in request body',
    });
    expect(toProblem(new HTTPException(413)).status).toBe(413);
    expect(toProblem(new HTTPException(415)).status).toBe(415);
    expect(toProblem(new HTTPException(502)).status).toBe(500);
  });

  test('unexpected errors are a 500 that leaks neither message nor stack', () => {
    const error = new Error('connection to 10.0.0.5 refused; patient MRN 12345');
    const p = toProblem(error);
    expect(p.status).toBe(500);
    expect(JSON.stringify(p.body)).not.toContain('10.0.0.5');
    expect(JSON.stringify(p.body)).not.toContain('MRN');
    expect(JSON.stringify(p.body)).not.toContain('problem.test');
  });

  test('problemResponse builds a problem+json Response', async () => {
    const res = problemResponse(new ProblemError({ kind: 'not-found', detail: 'no journey 1' }));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toEqual({
      type: 'urn:pathlight:problem:not-found',
      title: 'Not found',
      status: 404,
      detail: 'no journey 1',
    });
  });
});

test('zodIssues gives dotted paths', () => {
  const schema = z.object({
    stages: z.array(z.object({ steps: z.array(z.object({ name: z.string().min(1) })) })),
  });
  const result = schema.safeParse({ stages: [{ steps: [{ name: 'a' }, { name: '' }] }] });
  expect(result.success).toBe(false);
  if (!result.success) expect(zodIssues(result.error).map((i) => i.path)).toEqual(['stages.0.steps.1.name']);
});
