import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

interface KeyView {
  id: string;
  role: string;
  revokedAt: string | null;
}

const adminKeys = async () =>
  (
    (await (await h.call('GET', '/v1/keys', h.keys.admin)).json()) as { keys: KeyView[] }
  ).keys.filter((k) => k.role === 'admin' && k.revokedAt === null);

describe('DELETE /v1/keys/{id}', () => {
  it('refuses to revoke the last admin key with a 409 that says why, and the key still works', async () => {
    const [only] = await adminKeys();
    const res = await h.call('DELETE', `/v1/keys/${only?.id}`, h.keys.admin);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as { type: string; detail: string };
    expect(problem.type).toMatch(/conflict$/);
    expect(problem.detail).toMatch(/last admin key/);
    expect(problem.detail).toMatch(/tidings keys create --role admin/);
    expect((await h.call('GET', '/v1/keys', h.keys.admin)).status).toBe(200);
  });

  it('revokes an admin key once another admin key exists', async () => {
    const [first] = await adminKeys();
    const made = await h.call('POST', '/v1/keys', h.keys.admin, { name: 'deputy', role: 'admin' });
    const { token } = (await made.json()) as { token: string };
    const res = await h.call('DELETE', `/v1/keys/${first?.id}`, token);
    expect(res.status).toBe(200);
    expect(((await res.json()) as KeyView).revokedAt).not.toBeNull();
    expect((await h.call('GET', '/v1/keys', h.keys.admin)).status).toBe(401);
    expect((await h.call('GET', '/v1/keys', token)).status).toBe(200);
  });
});

describe('POST /v1/keys (bad input)', () => {
  it('a NUL character in the name: 422 naming it, not a 500 from the store', async () => {
    // The tests above revoked the harness's admin key: another one asks.
    const admin = (await h.store.createKey({ name: 'ops', role: 'admin' })).token;
    const res = await h.call('POST', '/v1/keys', admin, {
      name: 'cm\u0000s',
      role: 'editor',
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field)).toEqual(['name']);
  });
});
