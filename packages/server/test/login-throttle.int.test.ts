import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Agent, type Harness, makeHarness, PASSWORD } from './harness';

const START = new Date('2026-03-02T09:00:00.000Z');
const MINUTE = 60_000;

/** One sign-in attempt from a client that says it is behind `forwardedFor` (when given). */
async function attempt(h: Harness, email: string, password: string, forwardedFor?: string) {
  const res = await new Agent(h.app).send(
    'POST',
    '/api/auth/login',
    { email, password },
    forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  );
  return {
    status: res.status,
    retryAfter: Number(res.headers.get('retry-after') ?? 0),
    body: await res.text(),
  };
}

describe('per-account lock: wrong passwords for one e-mail, from any address', () => {
  let h: Harness;
  let minutes = 0;
  const at = (m: number) => {
    minutes = m;
    h.setClock(new Date(START.getTime() + m * MINUTE));
  };
  beforeAll(async () => {
    // Each attempt below comes from its own forwarded address, so only the account lock can apply.
    h = await makeHarness({ trustProxy: 1 });
    await h.user('ana@example.test', 'Ana Account');
    await h.user('bo@example.test', 'Bo Bystander');
  }, 120_000);
  afterAll(() => h?.close());

  let ip = 0;
  const from = () => {
    ip += 1;
    return `198.51.100.${ip}`;
  };
  const fail = (email = 'ana@example.test') => attempt(h, email, 'not the password at all', from());

  test('5 failures lock the e-mail for 1 minute; the right password is refused too, with Retry-After', async () => {
    at(0);
    for (let i = 0; i < 5; i += 1) expect((await fail()).status).toBe(401);
    const locked = await attempt(h, 'ana@example.test', PASSWORD, from());
    expect(locked.status).toBe(429);
    expect(locked.retryAfter).toBe(60);
    expect(JSON.parse(locked.body)).toMatchObject({
      status: 429,
      detail: 'too many sign-in attempts; wait and try again',
    });
    // Other accounts are not affected.
    expect((await attempt(h, 'bo@example.test', PASSWORD, from())).status).toBe(200);
    at(0.5);
    expect((await attempt(h, 'ana@example.test', PASSWORD, from())).retryAfter).toBe(30);
  });

  test('each further lock is twice as long, up to 15 minutes', async () => {
    const locks: number[] = [];
    let now = 1; // the first lock ended at minute 1
    for (let round = 0; round < 5; round += 1) {
      at(now);
      for (let i = 0; i < 5; i += 1) expect((await fail()).status).toBe(401);
      const locked = await fail();
      expect(locked.status).toBe(429);
      locks.push(locked.retryAfter / 60);
      now += locked.retryAfter / 60;
    }
    expect(locks).toEqual([2, 4, 8, 15, 15]);
    expect(minutes).toBe(1 + 2 + 4 + 8 + 15);
  });

  test('after the lock, the right password signs in and resets the count', async () => {
    at(minutes + 15);
    expect((await attempt(h, 'ana@example.test', PASSWORD, from())).status).toBe(200);
    // Back to the start: 4 failures are allowed again and the next lock is 1 minute.
    for (let i = 0; i < 4; i += 1) expect((await fail()).status).toBe(401);
    expect((await attempt(h, 'ana@example.test', PASSWORD, from())).status).toBe(200);
    for (let i = 0; i < 5; i += 1) expect((await fail()).status).toBe(401);
    expect((await fail()).retryAfter).toBe(60);
  });

  test('failures spread over more than 15 minutes do not lock', async () => {
    at(minutes + 100);
    for (let i = 0; i < 8; i += 1) {
      at(minutes + 4);
      expect((await fail('bo@example.test')).status).toBe(401);
    }
  });

  test('an unknown e-mail gets exactly the same answers as a real one', async () => {
    at(minutes + 100);
    const real: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const a = await fail('bo@example.test');
      const b = await fail('nobody-here@example.test');
      real.push(`${a.status} ${a.retryAfter} ${a.body}`);
      unknown.push(`${b.status} ${b.retryAfter} ${b.body}`);
    }
    expect(unknown).toEqual(real);
    expect(real.map((r) => r.slice(0, 3))).toEqual(['401', '401', '401', '401', '401', '429', '429']);
  });
});

describe('per-address limit and the proxy hop count', () => {
  test('failures for many e-mails from one address are limited together', async () => {
    const h = await makeHarness({ loginLimit: 3 });
    try {
      const statuses = [];
      for (const who of ['a', 'b', 'c', 'd'])
        statuses.push((await attempt(h, `${who}@example.test`, 'wrong')).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await h.close();
    }
  }, 120_000);

  test('without a trusted proxy X-Forwarded-For is ignored, so changing it does not reset the allowance', async () => {
    const h = await makeHarness({ loginLimit: 2 });
    try {
      const statuses = [];
      for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
        statuses.push((await attempt(h, `${ip}@example.test`, 'wrong', ip)).status);
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await h.close();
    }
  }, 120_000);

  test('behind one proxy the rightmost entry counts: addresses the client prepends do not escape the limit', async () => {
    const h = await makeHarness({ loginLimit: 2, trustProxy: 1 });
    try {
      const statuses = [];
      // The client writes its own X-Forwarded-For; the proxy appends the address it saw (203.0.113.50).
      for (const fake of ['10.0.0.1', '10.0.0.2, 10.0.0.3', '192.0.2.99'])
        statuses.push(
          (await attempt(h, `x${statuses.length}@example.test`, 'wrong', `${fake}, 203.0.113.50`)).status,
        );
      expect(statuses).toEqual([401, 401, 429]);
      // Another real client behind the same proxy has its own allowance.
      expect((await attempt(h, 'y@example.test', 'wrong', '10.0.0.1, 203.0.113.51')).status).toBe(401);
    } finally {
      await h.close();
    }
  }, 120_000);

  test('behind two proxies the second entry from the right counts', async () => {
    const h = await makeHarness({ loginLimit: 2, trustProxy: 2 });
    try {
      // client-written …, client address seen by the outer proxy, outer proxy seen by the inner one.
      const statuses = [];
      for (const fake of ['10.0.0.1', '10.0.0.2', '10.0.0.3'])
        statuses.push(
          (await attempt(h, `z${statuses.length}@example.test`, 'wrong', `${fake}, 203.0.113.7, 10.1.1.1`))
            .status,
        );
      expect(statuses).toEqual([401, 401, 429]);
      expect((await attempt(h, 'w@example.test', 'wrong', '10.0.0.1, 203.0.113.8, 10.1.1.1')).status).toBe(
        401,
      );
    } finally {
      await h.close();
    }
  }, 120_000);

  test('with a trusted proxy, https and host come from it', async () => {
    const h = await makeHarness({ trustProxy: 1 });
    try {
      await h.user('gil@example.test', 'Gil');
      const login = await new Agent(h.app).send(
        'POST',
        '/api/auth/login',
        { email: 'gil@example.test', password: PASSWORD },
        {
          'x-forwarded-proto': 'https',
          'x-forwarded-host': 'pathlight.example',
          origin: 'https://pathlight.example',
        },
      );
      expect(login.status).toBe(200);
      expect(login.headers.get('set-cookie')).toContain('Secure');
      expect(login.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await h.close();
    }
  }, 120_000);
});
