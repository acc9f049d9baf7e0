import { expect, it } from 'vitest';
import type { Database } from './database.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import { describeStore } from './test-harness.ts';

describeStore('API keys', (env) => {
  it('gives a tdg_ token once and stores only its SHA-256', async () => {
    const { id, token } = await env.store.createKey({ name: 'desk', role: 'editor' });
    expect(token).toMatch(/^tdg_[A-Za-z0-9_-]{43}$/);
    const rows = await env.db.query<Record<string, unknown>>(
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
    const found = await env.store.lookupToken(token);
    expect(found).toMatchObject({
      status: 'valid',
      key: { id, name: 'cms', role: 'publisher', revokedAt: null },
    });
    expect(await env.store.lookupToken(`${token}x`)).toEqual({ status: 'unknown' });
    expect(await env.store.lookupToken('tdg_nope')).toEqual({ status: 'unknown' });
  });

  it('looks up tokens asked for at once in one statement, and sees a revocation made before', async () => {
    const a = await env.store.createKey({ name: 'a', role: 'publisher' });
    const b = await env.store.createKey({ name: 'b', role: 'editor' });
    const db = env.db;
    const { query } = db;
    let statements = 0;
    db.query = <Row>(text: string, params?: readonly unknown[]) => {
      statements++;
      return query.call<Database, [string, (readonly unknown[])?], Promise<Row[]>>(
        db,
        text,
        params,
      );
    };
    try {
      const found = await Promise.all(
        [a.token, b.token, `${a.token}x`, a.token].map((t) => env.store.lookupToken(t)),
      );
      expect(statements).toBe(1);
      expect(found.map((f) => (f.status === 'unknown' ? f.status : f.key.name))).toEqual([
        'a',
        'b',
        'unknown',
        'a',
      ]);
      statements = 0;
      const revoked = env.store.revokeKey(a.id);
      const after = revoked.then(() => env.store.lookupToken(a.token));
      await revoked;
      expect((await after).status).toBe('revoked');
    } finally {
      db.query = query;
    }
  });

  it('refuses a revoked key, and can tell revoked from unknown', async () => {
    await env.store.createKey({ name: 'keeper', role: 'admin' });
    const { id, token } = await env.store.createKey({ name: 'old', role: 'admin' });
    const revoked = await env.store.revokeKey(id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect((await env.store.lookupToken(token)).status).toBe('revoked');
    const again = await env.store.revokeKey(id);
    expect(again.revokedAt).toEqual(revoked.revokedAt);
  });

  it('finds a key by its id, valid, then revoked; an unknown or malformed id is unknown', async () => {
    await env.store.createKey({ name: 'keeper2', role: 'admin' });
    const { id } = await env.store.createKey({ name: 'desk editor', role: 'editor' });
    expect(await env.store.findKey(id)).toMatchObject({
      status: 'valid',
      key: { id, name: 'desk editor', role: 'editor' },
    });
    await env.store.revokeKey(id);
    expect((await env.store.findKey(id)).status).toBe('revoked');
    expect(await env.store.findKey('00000000-0000-4000-8000-000000000000')).toEqual({
      status: 'unknown',
    });
    expect(await env.store.findKey('not-a-uuid')).toEqual({ status: 'unknown' });
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

describeStore('the last admin key', (env) => {
  it('cannot be revoked, and says why; once another exists, it can', async () => {
    const only = await env.store.createKey({ name: 'only', role: 'admin' });
    const error = await env.store.revokeKey(only.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: 'last_admin' });
    expect((error as Error).message).toMatch(/last admin key.*another admin key first/);
    expect((await env.store.lookupToken(only.token)).status).toBe('valid');

    const second = await env.store.createKey({ name: 'second', role: 'admin' });
    expect((await env.store.revokeKey(only.id)).revokedAt).toBeInstanceOf(Date);
    await expect(env.store.revokeKey(second.id)).rejects.toThrow(ConflictError);
  });
});

describeStore('the last two admin keys', (env) => {
  it('revoked at once: one is revoked, the other refused', async () => {
    const a = await env.store.createKey({ name: 'a', role: 'admin' });
    const b = await env.store.createKey({ name: 'b', role: 'admin' });
    // On PostgreSQL the second store is another pool, as another API instance would be.
    const other = env.backend.name === 'postgres' ? await env.openAnother() : env.store;
    try {
      const outcomes = await Promise.allSettled([env.store.revokeKey(a.id), other.revokeKey(b.id)]);
      const valid = (await env.store.listKeys()).filter(
        (k) => k.role === 'admin' && k.revokedAt === null,
      );
      expect(valid).toHaveLength(1);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    } finally {
      if (other !== env.store) await other.close();
    }
  });
});

describeStore('the first admin key', (env) => {
  it('is not made when its token cannot be kept, and is made once when it can', async () => {
    const failed = env.store.createFirstAdminKey(async () => {
      throw new Error('EACCES: the data directory is read-only');
    });
    await expect(failed).rejects.toThrow(/read-only/);
    expect(await env.store.listKeys()).toEqual([]);

    const kept: string[] = [];
    const created = await env.store.createFirstAdminKey(async (token) => void kept.push(token));
    expect(created?.token).toBe(kept[0]);
    expect(await env.store.lookupToken(kept[0] ?? '')).toMatchObject({
      status: 'valid',
      key: { role: 'admin' },
    });
    expect(await env.store.createFirstAdminKey(async (t) => void kept.push(t))).toBeNull();
    expect(kept).toHaveLength(1);
  });
});

describeStore('the first admin key, asked for by several instances at once', (env) => {
  it('is made once', async () => {
    const others =
      env.backend.name === 'postgres'
        ? await Promise.all([env.openAnother(), env.openAnother(), env.openAnother()])
        : [];
    try {
      const kept: string[] = [];
      const made = await Promise.all(
        [env.store, ...others].map((store) =>
          store.createFirstAdminKey(async (token) => {
            // Writing the file takes a while; the others must wait for it, not race past.
            await new Promise((r) => setTimeout(r, 50));
            kept.push(token);
          }),
        ),
      );
      expect(made.filter((m) => m !== null)).toHaveLength(1);
      expect(kept).toHaveLength(1);
      expect(await env.store.listKeys()).toHaveLength(1);
    } finally {
      await Promise.all(others.map((s) => s.close()));
    }
  });

  it('names only the keys asked for, revoked ones included, in one statement', async () => {
    const a = await env.store.createKey({ name: 'German desk', role: 'editor' });
    const b = await env.store.createKey({ name: 'Chief', role: 'editor' });
    await env.store.createKey({ name: 'not asked for', role: 'editor' });
    await env.store.revokeKey(b.id);
    const db = env.db;
    const { query } = db;
    const statements: string[] = [];
    db.query = <Row>(text: string, params?: readonly unknown[]) => {
      statements.push(text);
      return query.call<Database, [string, (readonly unknown[])?], Promise<Row[]>>(
        db,
        text,
        params,
      );
    };
    try {
      const names = await env.store.keyNamesByIds([
        a.id,
        b.id,
        a.id,
        '00000000-0000-4000-8000-000000000000',
        'not-a-uuid',
      ]);
      expect(names).toEqual(
        new Map([
          [a.id, 'German desk'],
          [b.id, 'Chief'],
        ]),
      );
      expect(statements).toEqual(['SELECT id, name FROM api_keys WHERE id = ANY($1::uuid[])']);
      expect(await env.store.keyNamesByIds(['not-a-uuid'])).toEqual(new Map());
      expect(statements).toHaveLength(1);
    } finally {
      db.query = query;
    }
  });
});
