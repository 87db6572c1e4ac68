import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Agent, type Harness, makeHarness, PASSWORD } from './harness';

const NEW_PASSWORD = 'mauve kettle orbit 42';

let h: Harness;
let adminId: string;
beforeAll(async () => {
  h = await makeHarness();
  adminId = (await h.user('ada@example.test', 'Ada Admin', true)).id;
}, 120_000);
afterAll(() => h?.close());

let n = 0;
/** A fresh account (so throttle counts never carry over between tests), signed in. */
async function freshUser() {
  n += 1;
  const email = `person-${n}@example.test`;
  const user = await h.user(email, `Person ${n}`);
  return { id: user.id, email, agent: await h.agent(email).login() };
}

describe('POST /api/me/password', () => {
  test('changes the password: 204, this session stays, the other sessions end', async () => {
    const { email, agent } = await freshUser();
    const phone = await h.agent(email).login();
    const res = await agent.send('POST', '/api/me/password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(res.status).toBe(204);
    expect((await agent.send('GET', '/api/me')).status).toBe(200);
    expect((await phone.send('GET', '/api/me')).status).toBe(401);
    expect(
      (await new Agent(h.app).send('POST', '/api/auth/login', { email, password: PASSWORD })).status,
    ).toBe(401);
    await h.agent(email).login(email, NEW_PASSWORD);
    const audit = await h.db.audit.list(null, { limit: 50 });
    expect(audit.filter((e) => e.action === 'user.password')).toHaveLength(1);
    expect(audit.find((e) => e.action === 'user.password')?.detail).toEqual({ endedSessions: 1 });
  });

  test('a wrong current password is 422 at currentPassword and counts towards the account lock', async () => {
    const { email, agent } = await freshUser();
    for (let i = 0; i < 5; i += 1) {
      const wrong = await agent.json('POST', '/api/me/password', {
        currentPassword: `not it ${i}`,
        newPassword: NEW_PASSWORD,
      });
      expect(wrong.status).toBe(422);
      expect(wrong.body.errors).toEqual([
        { path: 'currentPassword', message: 'this is not your current password' },
      ]);
    }
    // Locked now, for the change and for signing in alike.
    const locked = await agent.send('POST', '/api/me/password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBe(60);
    expect(
      (await new Agent(h.app).send('POST', '/api/auth/login', { email, password: PASSWORD })).status,
    ).toBe(429);
    h.setClock(new Date('2026-03-02T09:01:00.000Z'));
    try {
      expect(
        (
          await agent.send('POST', '/api/me/password', {
            currentPassword: PASSWORD,
            newPassword: NEW_PASSWORD,
          })
        ).status,
      ).toBe(204);
    } finally {
      h.setClock(new Date('2026-03-02T09:00:00.000Z'));
    }
  });

  test('weak new passwords are 422 with the field path and a sentence', async () => {
    const { email, agent } = await freshUser();
    const cases: [string, string][] = [
      ['short', 'use at least 12 characters'],
      ['Password1234', 'most common passwords'],
      ['zzzzzzzzzzzzzz', 'repeats'],
      ['1234567890123', 'sequence'],
      [email.toUpperCase(), 'do not use your e-mail address as your password'],
      [PASSWORD, 'choose a password different from your current one'],
    ];
    for (const [newPassword, message] of cases) {
      const res = await agent.json('POST', '/api/me/password', { currentPassword: PASSWORD, newPassword });
      expect(res.status, newPassword).toBe(422);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body.errors).toEqual([{ path: 'newPassword', message: expect.stringContaining(message) }]);
    }
    // Nothing changed.
    expect((await h.agent(email).login()).csrf).toBeTruthy();
  });

  test('needs a session and the CSRF token', async () => {
    const body = { currentPassword: PASSWORD, newPassword: NEW_PASSWORD };
    expect((await new Agent(h.app).send('POST', '/api/me/password', body)).status).toBe(401);
    const { agent } = await freshUser();
    expect((await agent.send('POST', '/api/me/password', body, { 'x-csrf-token': 'nope' })).status).toBe(403);
    expect(
      (await agent.send('POST', '/api/me/password', body, { origin: 'https://evil.example' })).status,
    ).toBe(403);
  });

  test('is in the OpenAPI document', async () => {
    const doc = (await (await h.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(doc.paths['/api/me/password']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['204', '401', '403', '422', '429']),
    );
  });
});

describe('every other place a password is set refuses weak ones', () => {
  test('creating a user: common, repeated, sequence and own e-mail are 422 at "password"', async () => {
    const ada = await h.agent('ada@example.test').login();
    for (const password of ['iloveyou2026!', 'abababababab', 'qwertyuiopasdf', 'new.person@example.test']) {
      const res = await ada.json('POST', '/api/users', {
        email: 'new.person@example.test',
        name: 'New',
        password,
      });
      expect(res.status, password).toBe(422);
      expect(res.body.errors[0].path).toBe('password');
    }
    expect(
      (
        await ada.json('POST', '/api/users', {
          email: 'new.person@example.test',
          name: 'New',
          password: NEW_PASSWORD,
        })
      ).status,
    ).toBe(201);
  });

  test('an administrator\'s reset: weak ones and the account\'s own e-mail are 422 at "password"', async () => {
    const ada = await h.agent('ada@example.test').login();
    const { id, email } = await freshUser();
    for (const password of ['letmein123456', email]) {
      const res = await ada.json('PATCH', `/api/users/${id}`, { password });
      expect(res.status, password).toBe(422);
      expect(res.body.errors[0].path).toBe('password');
    }
    expect((await ada.json('PATCH', `/api/users/${adminId}`, { password: 'ada@example.test' })).status).toBe(
      422,
    );
    expect((await ada.json('PATCH', `/api/users/${id}`, { password: NEW_PASSWORD })).status).toBe(200);
  });
});
