import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashToken } from '../src/session';
import { Agent, type Harness, makeHarness, PASSWORD } from './harness';

let h: Harness;
let adaId: string;
let benId: string;
beforeAll(async () => {
  h = await makeHarness();
  adaId = (await h.user('ada@example.test', 'Ada Admin', true)).id;
  benId = (await h.user('ben@example.test', 'Ben Editor')).id;
  await h.user('dee@example.test', 'Dee Disabled');
}, 120_000);
afterAll(() => h?.close());

describe('health', () => {
  test('GET /api/health answers {"status":"ok"} without a session', async () => {
    const res = await h.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('login, me, logout', () => {
  test('login sets a hardened session cookie, stores only its hash, and returns user + csrfToken', async () => {
    const res = await h.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'Ben@Example.TEST', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: Record<string, unknown>; csrfToken: string };
    expect(body.user).toMatchObject({
      id: benId,
      email: 'ben@example.test',
      name: 'Ben Editor',
      isAdmin: false,
    });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(40);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pathlight_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    const token = cookie.slice('pathlight_session='.length, cookie.indexOf(';'));
    const at = '2026-03-02T09:00:00.000Z'; // the harness clock
    const found = await h.db.sessions.find(hashToken(token), at);
    expect(found?.user.id).toBe(benId);
    expect(found?.session.csrfToken).toBe(body.csrfToken);
    expect(await h.db.sessions.find(token, at)).toBeNull();
  });

  test('the cookie is Secure when the request came over https', async () => {
    const res = await h.app.request('https://pathlight.example.test/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ben@example.test', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toContain('Secure');
  });

  test('me returns the user and the same csrf token; logout ends the session', async () => {
    const ben = await h.agent('ben@example.test').login();
    const me = await ben.json('GET', '/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(benId);
    expect(me.body.csrfToken).toBe(ben.csrf);
    const cookie = ben.cookie;
    const out = await ben.send('POST', '/api/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^pathlight_session=;.*Max-Age=0/);
    // The old cookie no longer works even if a client kept it.
    const replay = await h.app.request('/api/me', { headers: { cookie: cookie ?? '' } });
    expect(replay.status).toBe(401);
  });

  test('signing in again replaces the previous session of that browser', async () => {
    const ben = await h.agent('ben@example.test').login();
    const first = ben.cookie;
    await ben.login();
    expect(ben.cookie).not.toBe(first);
    expect((await h.app.request('/api/me', { headers: { cookie: first ?? '' } })).status).toBe(401);
    expect((await ben.send('GET', '/api/me')).status).toBe(200);
  });

  test('API answers are not cacheable and carry the usual security headers', async () => {
    const ben = await h.agent('ben@example.test').login();
    const res = await ben.send('GET', '/api/me');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const problem = await h.app.request('/api/me');
    expect(problem.headers.get('cache-control')).toBe('no-store');
    expect(problem.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('me without a session is 401 problem+json', async () => {
    const res = await h.app.request('/api/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 401, title: 'Not signed in' });
  });

  test('unknown e-mail, wrong password and disabled account all get the same 401', async () => {
    await h.db.users.update((await h.db.users.findByEmail('dee@example.test'))!.id, { disabled: true });
    const tries = [
      { email: 'nobody@example.test', password: PASSWORD },
      { email: 'ben@example.test', password: 'not the password' },
      { email: 'dee@example.test', password: PASSWORD },
    ];
    const answers = [];
    for (const body of tries) answers.push(await new Agent(h.app).json('POST', '/api/auth/login', body));
    for (const a of answers) {
      expect(a.status).toBe(401);
      expect(a.body.detail).toBe('wrong e-mail or password');
    }
  });

  test('an expired session is signed out; an active one slides forward', async () => {
    const ben = await h.agent('ben@example.test').login();
    h.setClock(new Date('2026-03-06T09:00:00.000Z')); // 4 of 7 days later: past half-life, so it extends
    expect((await ben.send('GET', '/api/me')).status).toBe(200);
    h.setClock(new Date('2026-03-12T09:00:00.000Z')); // 10 days after login, 6 after the last use
    expect((await ben.send('GET', '/api/me')).status).toBe(200);
    h.setClock(new Date('2026-03-20T09:00:00.000Z')); // 8 days idle
    expect((await ben.send('GET', '/api/me')).status).toBe(401);
    h.setClock(new Date('2026-03-02T09:00:00.000Z'));
  });
});

describe('CSRF', () => {
  let ben: Agent;
  beforeAll(async () => {
    ben = await h.agent('ben@example.test').login();
  }, 120_000);

  test('a write without X-CSRF-Token is 403', async () => {
    const res = await ben.json('POST', '/api/workspaces', { name: 'No token' }, { 'x-csrf-token': '' });
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('X-CSRF-Token');
  });

  test('a write with a wrong token is 403', async () => {
    const other = await h.agent('ben@example.test').login();
    const res = await ben.json(
      'POST',
      '/api/workspaces',
      { name: 'Wrong token' },
      { 'x-csrf-token': other.csrf! },
    );
    expect(res.status).toBe(403);
  });

  test('a write with a cross-origin Origin is 403 even with the right token', async () => {
    const res = await ben.json(
      'POST',
      '/api/workspaces',
      { name: 'Evil' },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect(res.body.detail).toBe('cross-origin request refused');
  });

  test('Origin: null and Sec-Fetch-Site: cross-site are refused as well', async () => {
    expect((await ben.send('POST', '/api/workspaces', { name: 'N' }, { origin: 'null' })).status).toBe(403);
    expect(
      (await ben.send('POST', '/api/workspaces', { name: 'S' }, { 'sec-fetch-site': 'cross-site' })).status,
    ).toBe(403);
    expect(
      (await ben.send('POST', '/api/workspaces', { name: 'O' }, { 'sec-fetch-site': 'same-origin' })).status,
    ).toBe(201);
  });

  test('a cross-origin login is refused (login CSRF)', async () => {
    const res = await new Agent(h.app).send(
      'POST',
      '/api/auth/login',
      { email: 'ben@example.test', password: PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
  });

  test('same-origin writes with the right token pass; reads need no token', async () => {
    const res = await ben.json('POST', '/api/workspaces', { name: 'Fine' }, { origin: 'http://localhost' });
    expect(res.status).toBe(201);
    const read = await ben.json('GET', '/api/workspaces', undefined, { 'x-csrf-token': 'anything' });
    expect(read.status).toBe(200);
  });

  test('logout also needs the token, so another site cannot sign a user out', async () => {
    const res = await ben.send('POST', '/api/auth/logout', undefined, { 'x-csrf-token': 'nope' });
    expect(res.status).toBe(403);
    expect((await ben.send('GET', '/api/me')).status).toBe(200);
  });
});

describe('account administration', () => {
  test('disabling a user ends their sessions at once', async () => {
    const ada = await h.agent('ada@example.test').login();
    const made = await ada.json('POST', '/api/users', {
      email: 'fay@example.test',
      name: 'Fay Temp',
      password: 'a long enough password',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ email: 'fay@example.test', isAdmin: false, disabled: false });
    const fay = await h.agent('fay@example.test').login('fay@example.test', 'a long enough password');
    expect((await fay.send('GET', '/api/me')).status).toBe(200);
    const off = await ada.json('PATCH', `/api/users/${made.body.id}`, { disabled: true });
    expect(off.status).toBe(200);
    expect(off.body.disabled).toBe(true);
    expect((await fay.send('GET', '/api/me')).status).toBe(401);
    const again = await new Agent(h.app).send('POST', '/api/auth/login', {
      email: 'fay@example.test',
      password: 'a long enough password',
    });
    expect(again.status).toBe(401);
  });

  test('a duplicate e-mail is 409, and an admin cannot disable themselves', async () => {
    const ada = await h.agent('ada@example.test').login();
    const dup = await ada.json('POST', '/api/users', {
      email: 'BEN@example.test',
      name: 'B',
      password: 'another long password',
    });
    expect(dup.status).toBe(409);
    const self = await ada.json('PATCH', `/api/users/${adaId}`, { disabled: true });
    expect(self.status).toBe(409);
  });

  test('a password reset by an admin changes the password and ends old sessions', async () => {
    const ada = await h.agent('ada@example.test').login();
    const ben = await h.agent('ben@example.test').login();
    const reset = await ada.json('PATCH', `/api/users/${benId}`, { password: 'a brand new password' });
    expect(reset.status).toBe(200);
    expect((await ben.send('GET', '/api/me')).status).toBe(401);
    await h.agent('ben@example.test').login('ben@example.test', 'a brand new password');
    await ada.json('PATCH', `/api/users/${benId}`, { password: PASSWORD });
  });
});
