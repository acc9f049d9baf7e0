import { chmod, mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@tidings/core';
import type { Store } from '@tidings/store';

// Written whole or not at all (a temporary file renamed over the name), and flushed to disk
// before the key is committed: a crash or power loss never leaves a key whose token is lost.
async function writeSecret(file: string, secret: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(`${secret}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}

/**
 * On a store with no key at all, makes the first admin key and writes its token to
 * `DATA_DIR/admin-key` (readable by its owner only; the directory is created when missing):
 * with it, an operator makes the publisher and editor keys. The file is written before the key
 * is committed, so a failed write leaves no key and the next start tries again; APIs starting
 * at once on one database make one key between them. Never logs the token itself.
 *
 * @example
 * await bootstrapAdminKey(store, config.dataDir, logger);
 */
export async function bootstrapAdminKey(
  store: Pick<Store, 'createFirstAdminKey'>,
  dataDir: string,
  logger: Logger,
): Promise<void> {
  const file = join(dataDir, 'admin-key');
  const created = await store.createFirstAdminKey(async (token) => {
    await mkdir(dataDir, { recursive: true });
    await writeSecret(file, token);
  });
  if (created) logger.info({ file }, `created the first admin key; its token is in ${file}`);
}
