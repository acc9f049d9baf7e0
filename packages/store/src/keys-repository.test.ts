import { expect, it } from 'vitest';
import { NotFoundError } from './not-found-error.ts';
import { describeStore } from './test-harness.ts';

describeStore('API keys', (env) => {
  it('gives a tdg_ token once and stores only its SHA-256', async () => {
    const { id, token } = await env.store.createKey({ name: 'desk', role: 'editor' });
    expect(token).toMatch(/^tdg_[A-Za-z0-9_-]{43}$/);
    const rows = await env.store.db.query<Record<string, unknown>>(
      'SELECT * FROM api_keys WHERE id = $1',
      [id],
    );
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(token.slice(4));
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds a key by its token, and not by a wrong one', async () => {
    const { id, token } = await env.store.createKey({ name: 'cms', role: 'publisher' });
    const key = await env.store.findKeyByToken(token);
    expect(key).toMatchObject({ id, name: 'cms', role: 'publisher', revokedAt: null });
    expect(await env.store.findKeyByToken(`${token}x`)).toBeNull();
    expect(await env.store.lookupToken('tdg_nope')).toEqual({ status: 'unknown' });
  });

  it('refuses a revoked key, and can tell revoked from unknown', async () => {
    const { id, token } = await env.store.createKey({ name: 'old', role: 'admin' });
    const revoked = await env.store.revokeKey(id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await env.store.findKeyByToken(token)).toBeNull();
    expect((await env.store.lookupToken(token)).status).toBe('revoked');
    const again = await env.store.revokeKey(id);
    expect(again.revokedAt).toEqual(revoked.revokedAt);
  });

  it('lists keys, revoked ones included, and 404s an unknown one', async () => {
    const { id } = await env.store.createKey({ name: 'listed', role: 'editor' });
    const keys = await env.store.listKeys();
    expect(keys.map((k) => k.id)).toContain(id);
    await expect(env.store.revokeKey('00000000-0000-4000-8000-000000000000')).rejects.toThrow(
      NotFoundError,
    );
    await expect(env.store.revokeKey('not-a-uuid')).rejects.toThrow(NotFoundError);
  });
});
