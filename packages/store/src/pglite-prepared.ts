import { type PGlite, parse, protocol } from '@electric-sql/pglite';

const { serialize } = protocol;

/** A statement PGlite keeps prepared: its text and the types of its parameters. */
interface Prepared {
  readonly text: string;
  readonly types: readonly number[];
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Statements run under a name on PGlite's one connection, as PostgreSQL keeps them prepared
 * per connection (`QueryOptions.name`). PGlite's own `query` sends every statement unnamed in
 * six protocol calls into WebAssembly (parse, describe, bind, describe, execute, sync), so
 * PostgreSQL parses and plans it again each time; a named one is parsed once, and each call
 * after that is one protocol call (bind, describe, execute, sync) that PostgreSQL may answer
 * from its cached plan. Parameters and rows are converted as PGlite's `query` converts them.
 *
 * Only for statements run outside a transaction: the caller serializes calls (one connection).
 *
 * @example
 * const prepared = new PreparedStatements(pg);
 * const rows = await prepared.query('find-key', 'SELECT id FROM api_keys WHERE token_hash = $1', [hash]);
 */
export class PreparedStatements {
  readonly #pg: PGlite;
  readonly #prepared = new Map<string, Prepared>();

  constructor(pg: PGlite) {
    this.#pg = pg;
  }

  /** Runs `text` prepared under `name` (prepared at its first call) and returns its rows. */
  async query<Row>(name: string, text: string, params: readonly unknown[] = []): Promise<Row[]> {
    const statement = this.#prepared.get(name) ?? (await this.#prepare(name, text));
    if (statement.text !== text) {
      throw new Error(`The statement name ${name} is already used by another statement`);
    }
    const serializers = this.#pg.serializers;
    const values = params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const serialize = serializers[statement.types[i] ?? -1];
      return serialize ? serialize(param) : String(param);
    });
    const messages = await this.#pg.execProtocolStream(
      concat([
        serialize.bind({ statement: name, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]),
      {},
    );
    return (parse.parseResults(messages, this.#pg.parsers)[0]?.rows ?? []) as Row[];
  }

  async #prepare(name: string, text: string): Promise<Prepared> {
    const messages = await this.#pg.execProtocolStream(
      concat([
        serialize.parse({ name, text }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const prepared = { text, types: parse.parseDescribeStatementResults(messages) };
    this.#prepared.set(name, prepared);
    return prepared;
  }
}
