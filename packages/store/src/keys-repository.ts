import { createHash, randomBytes } from 'node:crypto';
import { Batcher } from './batcher.ts';
import type { Database, Queryable } from './database.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import { isStoreId } from './read-article.ts';
import type { ApiKey, ApiKeyRole, CreatedKey, TokenLookup } from './types.ts';

/** Marks Tidings tokens, so that secret scanners and people recognise a leaked one. */
const TOKEN_PREFIX = 'tdg_';

interface KeyRow {
  id: string;
  name: string;
  role: ApiKeyRole;
  created_at: Date;
  revoked_at: Date | null;
}

function toKey(row: KeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

const newToken = () => `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

// Changes that depend on which admin keys exist (the first one, the last one) take turns, in
// every process: the lock is held until the transaction ends. The key includes the schema, so
// stores in different schemas do not wait on each other.
const lockAdminKeys = (tx: Queryable) =>
  tx.query(`SELECT pg_advisory_xact_lock(hashtext('tidings:admin-keys:' || current_schema()))`);

async function insertKey(
  tx: Queryable,
  input: { name: string; role: ApiKeyRole },
  token: string,
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    'INSERT INTO api_keys (name, role, token_hash) VALUES ($1, $2, $3) RETURNING id',
    [input.name, input.role, hashToken(token)],
  );
  if (!row) throw new Error('INSERT into api_keys returned no row');
  return row.id;
}

/** The keys of these token hashes, one per hash (`undefined` for an unknown one), in order. */
async function findHashes(
  db: Database,
  hashes: readonly string[],
): Promise<(KeyRow | undefined)[]> {
  const rows = await db.query<KeyRow & { token_hash: string }>(
    `SELECT token_hash, id, name, role, created_at, revoked_at FROM api_keys
      WHERE token_hash = ANY($1::text[])`,
    [hashes],
    { name: 'tidings-find-key-hashes' },
  );
  const byHash = new Map(rows.map((row) => [row.token_hash, row]));
  return hashes.map((hash) => byHash.get(hash));
}

function hashToken(token: string): string {
  // Tokens carry 256 random bits, so a fast unsalted hash is enough: there is nothing to guess.
  return createHash('sha256').update(token).digest('hex');
}

/**
 * API keys: created with a random token of which only the SHA-256 is stored.
 *
 * @example
 * const { token } = await keys.createKey({ name: 'newsroom', role: 'publisher' });
 * (await keys.lookupToken(token)).status; // 'valid'
 */
export class KeysRepository {
  readonly #db: Database;
  readonly #lookups: Batcher<string, KeyRow | undefined>;

  constructor(db: Database) {
    this.#db = db;
    // Tokens looked up at the same moment are read by one statement. Nothing is cached: each
    // lookup reads the table after it was asked for, so a revocation counts at once.
    this.#lookups = new Batcher((hashes) => findHashes(db, hashes), {
      inFlight: db.kind === 'pglite' ? 1 : 2,
      maxBatch: 64,
      maxWeight: 64,
      weight: () => 1,
    });
  }

  /** Creates a key; its token is returned this once and cannot be recovered. */
  async createKey(input: { name: string; role: ApiKeyRole }): Promise<CreatedKey> {
    const token = newToken();
    return { id: await insertKey(this.#db, input, token), token };
  }

  /**
   * Makes the first admin key of a store that has no key at all, and returns it; `null` when
   * the store has a key already. `keep` receives the token before the key is committed: when it
   * throws (the token could not be written down), no key is made, so a store never holds a key
   * whose token exists nowhere. Processes calling this at once on one database make one key.
   */
  async createFirstAdminKey(keep: (token: string) => Promise<void>): Promise<CreatedKey | null> {
    return this.#db.transaction(async (tx) => {
      await lockAdminKeys(tx);
      const [any] = await tx.query<{ id: string }>('SELECT id FROM api_keys LIMIT 1');
      if (any) return null;
      const token = newToken();
      const id = await insertKey(tx, { name: 'first admin', role: 'admin' }, token);
      await keep(token);
      return { id, token };
    });
  }

  /** What a token refers to: a valid key, a revoked one, or nothing. */
  async lookupToken(token: string): Promise<TokenLookup> {
    const row = await this.#lookups.submit(hashToken(token));
    if (!row) return { status: 'unknown' };
    return { status: row.revoked_at ? 'revoked' : 'valid', key: toKey(row) };
  }

  /** What a key id refers to, as {@link lookupToken} says it for a token (a desk session holds the id). */
  async findKey(id: string): Promise<TokenLookup> {
    if (!isStoreId(id)) return { status: 'unknown' };
    const [row] = await this.#db.query<KeyRow>(
      'SELECT id, name, role, created_at, revoked_at FROM api_keys WHERE id = $1',
      [id],
    );
    if (!row) return { status: 'unknown' };
    return { status: row.revoked_at ? 'revoked' : 'valid', key: toKey(row) };
  }

  /**
   * The names of the keys with these ids (revoked ones too, since a version keeps the key that
   * made it), read in one statement; an id that is no key's is not in the map.
   */
  async keyNamesByIds(ids: readonly string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)].filter(isStoreId);
    if (wanted.length === 0) return new Map();
    const rows = await this.#db.query<{ id: string; name: string }>(
      'SELECT id, name FROM api_keys WHERE id = ANY($1::uuid[])',
      [wanted],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Every key, revoked ones included, oldest first. */
  async listKeys(): Promise<ApiKey[]> {
    const rows = await this.#db.query<KeyRow>(
      'SELECT id, name, role, created_at, revoked_at FROM api_keys ORDER BY created_at, id',
    );
    return rows.map(toKey);
  }

  /**
   * Revokes a key (revoking it again changes nothing) and returns it. The last valid admin key
   * cannot be revoked (a {@link ConflictError}): no admin could then make or revoke keys again.
   */
  async revokeKey(id: string): Promise<ApiKey> {
    if (!isStoreId(id)) throw new NotFoundError('key', id);
    return this.#db.transaction(async (tx) => {
      await lockAdminKeys(tx);
      const [key] = await tx.query<KeyRow>(
        'SELECT id, name, role, created_at, revoked_at FROM api_keys WHERE id = $1',
        [id],
      );
      if (!key) throw new NotFoundError('key', id);
      if (key.role === 'admin' && key.revoked_at === null) {
        const [others] = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM api_keys
            WHERE role = 'admin' AND revoked_at IS NULL AND id <> $1`,
          [id],
        );
        if (!others?.n) {
          throw new ConflictError(
            'last_admin',
            `Key ${id} is the last admin key: revoking it would leave no one able to make or revoke keys. Make another admin key first (tidings keys create --role admin), then revoke this one`,
            { id },
          );
        }
      }
      const [row] = await tx.query<KeyRow>(
        `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1
         RETURNING id, name, role, created_at, revoked_at`,
        [id],
      );
      if (!row) throw new NotFoundError('key', id);
      return toKey(row);
    });
  }
}
