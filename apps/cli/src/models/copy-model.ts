import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ModelPool, modelFiles } from '@tidings/translator';
import type { ModelDtype } from './model-inventory.ts';
import type { FileProgress } from './pull-model.ts';

/** Where to copy from and into, and whom to tell. */
export interface CopyOptions {
  /** A copy of the models: `<from>/<model id>/config.json`, `onnx/…` (another MODELS_DIR). */
  readonly from: string;
  /** MODELS_DIR: the model lands in `<modelsDir>/<model id>/`. */
  readonly modelsDir: string;
  readonly dtype?: ModelDtype | undefined;
  readonly onProgress?: ((event: FileProgress) => void) | undefined;
}

/**
 * The files of `<from>/<model id>/` worth copying: its top-level files (config, tokenizer,
 * generation config…) and the ONNX weights the workers load with this dtype; `undefined` when
 * the copy lacks one the workers need.
 *
 * @example
 * await filesToCopy('/mnt/usb/models/Xenova/opus-mt-en-es', 'fp32');
 */
export async function filesToCopy(
  dir: string,
  dtype: ModelDtype = 'fp32',
): Promise<{ files: string[]; lacking: string[] }> {
  const top = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files = new Set(top.filter((e) => e.isFile()).map((e) => e.name));
  for (const file of modelFiles(dtype)) files.add(file);
  const lacking: string[] = [];
  for (const file of files) {
    const found = await stat(join(dir, file)).then(
      (s) => s.isFile() && s.size > 0,
      () => false,
    );
    if (!found) lacking.push(file);
  }
  return { files: [...files].filter((f) => !lacking.includes(f)).sort(), lacking };
}

/**
 * Copies a model from a local copy (an air-gapped transfer: a USB disk, another machine's
 * MODELS_DIR) into MODELS_DIR, reporting each file's progress like a download, each file
 * written under a temporary name and renamed once whole; then loads it once, as the workers
 * will, to check it.
 *
 * @example
 * await copyModel('Xenova/opus-mt-en-es', { from: '/mnt/usb/models', modelsDir: '/srv/models' });
 */
export async function copyModel(model: string, options: CopyOptions): Promise<void> {
  const source = join(options.from, model);
  const target = join(options.modelsDir, model);
  const { files, lacking } = await filesToCopy(source, options.dtype);
  if (lacking.length > 0) {
    throw new Error(`${source} lacks ${lacking.join(', ')}`);
  }
  for (const file of files) {
    const from = join(source, file);
    const to = join(target, file);
    const total = (await stat(from)).size;
    await mkdir(dirname(to), { recursive: true });
    let copied = 0;
    let reported = -1;
    const report = options.onProgress;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        copied += chunk.length;
        const percent = total ? Math.floor((copied / total) * 100) : 100;
        if (report && percent !== reported) {
          reported = percent;
          report({ model, file, status: 'progress', percent });
        }
        done(null, chunk);
      },
    });
    const partial = `${to}.partial`;
    await pipeline(createReadStream(from), counter, createWriteStream(partial));
    await rename(partial, to);
    report?.({ model, file, status: 'done', bytes: total });
  }
  // The same check as after a download: the workers' own loader, nothing fetched.
  const pool = new ModelPool({
    modelsDir: options.modelsDir,
    allowRemoteModels: false,
    dtype: options.dtype,
  });
  try {
    await pool.pull(model);
  } finally {
    await pool.close();
  }
}
