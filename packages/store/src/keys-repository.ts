import { createHash, randomBytes } from 'node:crypto';
import type { Database } from './database.ts';
import { NotFoundError } from './not-found-error.ts';
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

function hashToken(token: string): string {
  // Tokens carry 256 random bits, so a fast unsalted hash is enough: there is nothing to guess.
  return createHash('sha256').update(token).digest('hex');
}

/**
 * API keys: created with a random token of which only the SHA-256 is stored.
 *
 * @example
 * const { token } = await keys.createKey({ name: 'newsroom', role: 'publisher' });
 * (await keys.findKeyByToken(token))?.role; // 'publisher'
 */
export class KeysRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Creates a key; its token is returned this once and cannot be recovered. */
  async createKey(input: { name: string; role: ApiKeyRole }): Promise<CreatedKey> {
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const [row] = await this.#db.query<{ id: string }>(
      'INSERT INTO api_keys (name, role, token_hash) VALUES ($1, $2, $3) RETURNING id',
      [input.name, input.role, hashToken(token)],
    );
    if (!row) throw new Error('INSERT into api_keys returned no row');
    return { id: row.id, token };
  }

  /** What a token refers to: a valid key, a revoked one, or nothing. */
  async lookupToken(token: string): Promise<TokenLookup> {
    const [row] = await this.#db.query<KeyRow>(
      'SELECT id, name, role, created_at, revoked_at FROM api_keys WHERE token_hash = $1',
      [hashToken(token)],
    );
    if (!row) return { status: 'unknown' };
    return { status: row.revoked_at ? 'revoked' : 'valid', key: toKey(row) };
  }

  /** The valid key of a token; `null` when it is unknown or revoked (see {@link lookupToken}). */
  async findKeyByToken(token: string): Promise<ApiKey | null> {
    const found = await this.lookupToken(token);
    return found.status === 'valid' ? found.key : null;
  }

  /** Every key, revoked ones included, oldest first. */
  async listKeys(): Promise<ApiKey[]> {
    const rows = await this.#db.query<KeyRow>(
      'SELECT id, name, role, created_at, revoked_at FROM api_keys ORDER BY created_at, id',
    );
    return rows.map(toKey);
  }

  /** Revokes a key (revoking it again changes nothing) and returns it. */
  async revokeKey(id: string): Promise<ApiKey> {
    if (!isStoreId(id)) throw new NotFoundError('key', id);
    const [row] = await this.#db.query<KeyRow>(
      `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1
       RETURNING id, name, role, created_at, revoked_at`,
      [id],
    );
    if (!row) throw new NotFoundError('key', id);
    return toKey(row);
  }
}
