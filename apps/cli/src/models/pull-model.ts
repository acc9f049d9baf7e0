import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ModelPool, type ModelPoolOptions } from '@tidings/translator';

/** One file's progress while a model is fetched. */
export interface FileProgress {
  readonly model: string;
  readonly file: string;
  readonly status: 'progress' | 'done';
  /** Percent of the file loaded, while it loads. */
  readonly percent?: number;
  /** Size on disk, once done. */
  readonly bytes?: number;
}

/** Where to fetch from and into, and whom to tell. */
export interface PullOptions {
  /** MODELS_DIR: the model lands in `<modelsDir>/<model id>/`. */
  readonly modelsDir: string;
  /** The model hub's base URL (Transformers.js's `env.remoteHost`). */
  readonly hub: string;
  /** The weights to fetch (MODEL_DTYPE); default fp32. */
  readonly dtype?: ModelPoolOptions['dtype'];
  readonly onProgress?: (event: FileProgress) => void;
}

/**
 * Fetches a translation model into MODELS_DIR with the workers' own loader (`ModelPool.pull`,
 * Transformers.js's hub loading), so the files land exactly where, and in the weights, the
 * workers look for them; files already there are not fetched again. The model is loaded once
 * to check it, then released.
 *
 * @example
 * await pullModel('Xenova/opus-mt-en-es', { modelsDir: '/srv/models', hub: 'https://huggingface.co/' });
 */
export async function pullModel(model: string, options: PullOptions): Promise<void> {
  const pool = new ModelPool({
    modelsDir: options.modelsDir,
    allowRemoteModels: true,
    remoteHost: options.hub,
    dtype: options.dtype,
  });
  const report = options.onProgress;
  const sizes: Promise<void>[] = [];
  await pool.pull(model, (event) => {
    const file = event.file;
    if (!report || !file) return;
    if (event.status === 'progress') {
      report({ model, file, status: 'progress', percent: event.progress ?? 0 });
    } else if (event.status === 'done') {
      sizes.push(
        stat(join(options.modelsDir, model, file)).then(
          (s) => report({ model, file, status: 'done', bytes: s.size }),
          () => report({ model, file, status: 'done' }),
        ),
      );
    }
  });
  await Promise.all(sizes);
  await pool.close();
}
