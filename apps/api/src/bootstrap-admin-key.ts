import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@tidings/core';
import type { Store } from '@tidings/store';

/**
 * On a store with no key at all, makes the first admin key and writes its token to
 * `DATA_DIR/admin-key` (readable by its owner only): with it, an operator makes the
 * publisher and editor keys. Never logs the token itself.
 *
 * @example
 * await bootstrapAdminKey(store, config.dataDir, logger);
 */
export async function bootstrapAdminKey(
  store: Store,
  dataDir: string,
  logger: Logger,
): Promise<void> {
  if ((await store.listKeys()).length > 0) return;
  const { token } = await store.createKey({ name: 'first admin', role: 'admin' });
  const file = join(dataDir, 'admin-key');
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  logger.info({ file }, `created the first admin key; its token is in ${file}`);
}
