import type { ApiKey, ApiKeyRole } from '@tidings/store';
import { ProblemError } from '../problem.ts';

/**
 * Whether a key of this role may do what `roles` may: admin keys pass every role.
 *
 * @example
 * roleAllows('admin', ['editor']); // true
 */
export const roleAllows = (role: ApiKeyRole, roles: readonly ApiKeyRole[]): boolean =>
  role === 'admin' || roles.includes(role);

/**
 * Refuses (403 `forbidden`, naming the key's role and the roles that may) a key whose role
 * may not do this; admin keys pass every role. `authenticate` and the article commands both
 * refuse with it.
 *
 * @example
 * assertRole(c.var.key, ['editor']);
 */
export function assertRole(key: ApiKey, roles: readonly ApiKeyRole[]): void {
  if (!roleAllows(key.role, roles)) {
    throw new ProblemError('forbidden', {
      key: 'role-forbidden',
      fields: { role: key.role, roles },
    });
  }
}
