import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { loadCliConfig } from '../config.ts';
import type { ModelPresence } from '../models/model-inventory.ts';
import { networkFailure } from '../models/network-error.ts';
import type { FileProgress } from '../models/pull-model.ts';
import { formatBytes } from '../output/format-units.ts';
import { printJson } from './api-options.ts';

interface PullOptions {
  readonly hub?: string;
  readonly from?: string;
  readonly json?: boolean;
}

/** The one line that says the hub is out of reach and how to do without it. */
function unreachable(
  hub: string,
  why: string,
  modelsDir: string,
  files: readonly string[],
  missing: readonly ModelPresence[],
) {
  return new CliError(
    `cannot reach the model hub at ${hub} (${why}); install them from a copy instead ` +
      '(`tidings models pull --from DIR`, DIR holding <model id>/' +
      `${files.join(', ')} and the rest of each model's files), ` +
      `or point MODEL_HUB_URL at a mirror; needed: ${missing.map((m) => m.id).join(', ')}; into ${modelsDir}`,
  );
}

async function probe(hub: string): Promise<string | undefined> {
  try {
    await fetch(hub, { method: 'HEAD', signal: AbortSignal.timeout(10_000) });
    return undefined;
  } catch (error) {
    return networkFailure(error) ?? (error as Error).message;
  }
}

/** Progress bars in a terminal (one per file); a line per file fetched elsewhere. */
function progressReporter(verb: string): {
  onProgress: (event: FileProgress) => void;
  stop: () => void;
} {
  if (!process.stderr.isTTY) {
    const fetching = new Set<string>();
    return {
      onProgress: (event) => {
        const name = `${event.model}/${event.file}`;
        if (event.status === 'progress') fetching.add(name);
        else if (fetching.delete(name)) {
          process.stderr.write(`  ${verb} ${name} (${formatBytes(event.bytes ?? 0)})\n`);
        }
      },
      stop: () => {},
    };
  }
  const multibar = new cliProgress.MultiBar(
    {
      format: '  {file} [{bar}] {percentage}% {size}',
      hideCursor: true,
      clearOnComplete: false,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  return {
    onProgress: (event) => {
      const name = `${event.model}/${event.file}`;
      let bar = bars.get(name);
      if (!bar) {
        if (event.status !== 'progress') return;
        bar = multibar.create(100, 0, { file: name, size: '' });
        bars.set(name, bar);
      }
      if (event.status === 'progress') bar.update(Math.round(event.percent ?? 0));
      else bar.update(100, { size: formatBytes(event.bytes ?? 0) });
    },
    stop: () => multibar.stop(),
  };
}

/**
 * `tidings models pull [PAIR…]`: fetches the models the model map needs (for the given
 * directions, or all) that MODELS_DIR lacks.
 *
 * @example
 * registerModelsPull(modelsCommand);
 */
export function registerModelsPull(models: Command): void {
  models
    .command('pull')
    .description(
      'Fetch the models MODELS_DIR lacks from the model hub (even with ALLOW_REMOTE_MODELS=false, which only stops workers from fetching), or install them from a local copy (--from)',
    )
    .argument(
      '[pairs...]',
      'directions such as en-es es-uk (default: every direction between the LANGUAGES served, 30 for all six)',
    )
    .option('--hub <url>', 'model hub or mirror to fetch from (default: MODEL_HUB_URL)')
    .option(
      '--from <dir>',
      "install from a local copy instead (another machine's MODELS_DIR, a USB disk: DIR/<model id>/config.json, onnx/…), checked like a download",
    )
    .option(
      '--json',
      'print what was pulled, or why not, as JSON, for scripts (no progress display)',
    )
    .action(async (pairs: string[], options: PullOptions) => {
      try {
        await pull(pairs, options);
      } catch (error) {
        // A script asked for JSON: it gets JSON on failure too (the line goes to stderr).
        if (options.json && error instanceof CliError) {
          printJson({ ok: false, error: error.message });
        }
        throw error;
      }
    });
}

/** A --from that is no directory, said alone: the models it lacks would all be noise. */
async function checkFromDir(from: string): Promise<void> {
  const found = await stat(from).catch(() => undefined);
  if (found?.isDirectory()) return;
  throw new CliError(
    `--from ${from}: ${found ? 'not a directory' : 'no such directory'}; pass the directory that holds the models, DIR/<model id>/config.json, onnx/… (another machine's MODELS_DIR will do)`,
  );
}

async function pull(pairs: string[], options: PullOptions): Promise<void> {
  const { config } = loadCliConfig();
  if (options.from !== undefined) await checkFromDir(resolve(options.from));
  // The model runtime takes seconds to load: only for this command.
  const { inspectModel, modelMapInForce, neededModels } = await import(
    '../models/model-inventory.ts'
  );
  const { modelFiles } = await import('@tidings/translator');
  const { pullModel } = await import('../models/pull-model.ts');
  const modelsDir = config.modelsDir;
  const hub = options.hub ?? config.modelHubUrl;
  const map = await modelMapInForce(config);
  const needed = neededModels(map, pairs, config.languages);
  const found = await Promise.all(needed.map((m) => inspectModel(modelsDir, m, config.modelDtype)));
  // A model with the wrong prefix has all its files: pulling it again changes nothing.
  const missing = found.filter((m) => m.state === 'missing' || m.state === 'incomplete');
  const all = config.languages.length * (config.languages.length - 1);
  const scope = pairs.length
    ? `for ${pairs.join(' ')}`
    : `for the ${all} directions between ${config.languages.join(', ')}`;
  if (missing.length === 0) {
    if (options.json)
      return printJson({ ok: true, modelsDir, pulled: [], present: found.map((m) => m.id) });
    process.stdout.write(
      `every model the model map needs ${scope} is already in ${modelsDir} (${found.length} model${found.length === 1 ? '' : 's'}); nothing to pull.\n`,
    );
    return;
  }
  const from = options.from === undefined ? undefined : resolve(options.from);
  if (from !== undefined) {
    // Every model checked in the copy before anything is written.
    const { filesToCopy } = await import('../models/copy-model.ts');
    const lacking: string[] = [];
    for (const model of missing) {
      const { lacking: files } = await filesToCopy(join(from, model.id), config.modelDtype);
      if (files.length > 0) lacking.push(`${model.id} (${files.join(', ')})`);
    }
    if (lacking.length > 0) {
      throw new CliError(
        `${from} lacks what MODELS_DIR needs: ${lacking.join('; ')}; DIR must hold <model id>/${modelFiles(config.modelDtype).join(', ')} for each model (another machine's MODELS_DIR will do), or name the directions you need`,
      );
    }
  } else {
    const why = await probe(hub);
    if (why) throw unreachable(hub, why, modelsDir, modelFiles(config.modelDtype), missing);
  }

  if (!options.json) {
    process.stderr.write(
      `${from ? `installing from ${from}` : 'pulling'} ${missing.length} model${missing.length === 1 ? '' : 's'} into ${modelsDir}: ${missing.map((m) => m.id).join(', ')}\n`,
    );
  }
  const reporter = options.json
    ? { onProgress: () => {}, stop: () => {} }
    : progressReporter(from ? 'copied' : 'fetched');
  let bytes = 0;
  try {
    for (const model of missing) {
      try {
        if (from !== undefined) {
          const { copyModel } = await import('../models/copy-model.ts');
          await copyModel(model.id, {
            from,
            modelsDir,
            dtype: config.modelDtype,
            onProgress: reporter.onProgress,
          });
        } else {
          await pullModel(model.id, {
            modelsDir,
            hub,
            dtype: config.modelDtype,
            onProgress: reporter.onProgress,
          });
        }
      } catch (error) {
        const network = from === undefined ? networkFailure(error) : undefined;
        if (network)
          throw unreachable(hub, network, modelsDir, modelFiles(config.modelDtype), missing);
        // The pool wraps the loader's error in a ModelUnavailableError; its cause says why.
        const cause = (error as { cause?: Error }).cause;
        throw new CliError(
          `could not ${from ? `install ${model.id} from ${from}` : `pull ${model.id}`}: ${cause?.message ?? (error as Error).message}`,
          { cause: error },
        );
      }
      const after = await inspectModel(modelsDir, model, config.modelDtype);
      if (after.missingFiles.length > 0) {
        throw new CliError(
          `${model.id} was ${from ? 'copied' : 'fetched'} but lacks ${after.missingFiles.join(', ')} (Tidings needs ${modelFiles(config.modelDtype).join(', ')})`,
        );
      }
      bytes += after.bytes - model.bytes;
    }
  } finally {
    reporter.stop();
  }
  if (options.json) {
    return printJson({
      ok: true,
      modelsDir,
      from: from ?? hub,
      pulled: missing.map((m) => m.id),
      present: found.filter((m) => m.state === 'present').map((m) => m.id),
      bytes,
    });
  }
  process.stdout.write(
    `${from ? 'installed' : 'pulled'} ${missing.length} model${missing.length === 1 ? '' : 's'} (${formatBytes(bytes)}) into ${modelsDir}${from ? ` from ${from}, each checked by loading it` : ''}.\n`,
  );
}
