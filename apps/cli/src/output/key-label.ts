import type { KeyRefView } from '../api/views.ts';
import { terminalSafe } from './terminal-text.ts';

/**
 * A key as a person knows it: its name, quoted (the name an admin gave it, such as
 * `German desk`); only an API too old to name it leaves the key's id.
 *
 * @example
 * keyLabel({ id: 'f3b1…', name: 'German desk' }, 'f3b1…'); // '“German desk”'
 * keyLabel(undefined, 'f3b1…'); // 'key f3b1…'
 */
export function keyLabel(named: KeyRefView | null | undefined, id: string): string {
  return named?.name ? `“${terminalSafe(named.name)}”` : `key ${terminalSafe(id)}`;
}
