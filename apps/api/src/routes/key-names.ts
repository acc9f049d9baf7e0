import type { Store } from '@tidings/store';

/** Key names by key id: who edited or approved a version, as people know the key. */
export type KeyNames = ReadonlyMap<string, string>;

/**
 * The names of the keys that edited or approved any of `states` (revoked keys too, since a
 * version keeps the key that made it); no query when none was edited or approved.
 *
 * @example
 * const names = await keyNames(store, article.languages);
 * names.get(article.languages[0].editedBy ?? ''); // 'German desk'
 */
export async function keyNames(
  store: Pick<Store, 'listKeys'>,
  states: readonly { readonly editedBy: string | null; readonly approvedBy: string | null }[],
): Promise<KeyNames> {
  if (!states.some((s) => s.editedBy !== null || s.approvedBy !== null)) return new Map();
  return new Map((await store.listKeys()).map((key) => [key.id, key.name]));
}

/**
 * A key as a view names it, `{ id, name }` (as the glossary's history names its authors), or
 * `null` for none.
 *
 * @example
 * keyRef('f3b1…', new Map([['f3b1…', 'German desk']])); // { id: 'f3b1…', name: 'German desk' }
 */
export function keyRef(id: string | null, names: KeyNames): { id: string; name: string } | null {
  return id === null ? null : { id, name: names.get(id) ?? '' };
}
