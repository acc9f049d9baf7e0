import type { ApiKey, Store } from '@tidings/store';

/** Key names by key id: who edited or approved a version, as people know the key. */
export type KeyNames = ReadonlyMap<string, string>;

/** The roles that see key names: those that already saw them (glossary history). */
const NAMING_ROLES: ReadonlySet<ApiKey['role']> = new Set(['editor', 'admin']);

/**
 * The names of the keys that edited or approved any of `states` (revoked keys too, since a
 * version keeps the key that made it), read by id; none when none was edited or approved, and
 * none for a publisher `caller`: key names are the newsroom's, which until now only editors and
 * admins saw, so a publisher keeps seeing the ids alone.
 *
 * @example
 * const names = await keyNames(store, article.languages, c.var.key);
 * names.get(article.languages[0].editedBy ?? ''); // 'German desk'
 */
export async function keyNames(
  store: Pick<Store, 'keyNamesByIds'>,
  states: readonly { readonly editedBy: string | null; readonly approvedBy: string | null }[],
  caller: Pick<ApiKey, 'role'>,
): Promise<KeyNames> {
  if (!NAMING_ROLES.has(caller.role)) return new Map();
  const ids = states
    .flatMap((s) => [s.editedBy, s.approvedBy])
    .filter((id): id is string => id !== null);
  return ids.length === 0 ? new Map() : store.keyNamesByIds(ids);
}

/**
 * A key as a view names it, `{ id, name }` (as the glossary's history names its authors), with
 * `name` null when `names` lacks it (a publisher caller, or a key that is gone), or `null` for
 * none.
 *
 * @example
 * keyRef('f3b1…', new Map([['f3b1…', 'German desk']])); // { id: 'f3b1…', name: 'German desk' }
 */
export function keyRef(
  id: string | null,
  names: KeyNames,
): { id: string; name: string | null } | null {
  return id === null ? null : { id, name: names.get(id) ?? null };
}
