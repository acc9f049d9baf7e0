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
    `cannot reach the model hub at ${hub} (${why}); copy the models in by hand instead: ` +
      `into ${modelsDir}/<model id>/ put ${files.join(', ')} (and generation_config.json), ` +
      `for ${missing.map((m) => m.id).join(', ')}`,
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
function progressReporter(): { onProgress: (event: FileProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) {
    const fetching = new Set<string>();
    return {
      onProgress: (event) => {
        const name = `${event.model}/${event.file}`;
        if (event.status === 'progress') fetching.add(name);
        else if (fetching.delete(name)) {
          process.stderr.write(`  fetched ${name} (${formatBytes(event.bytes ?? 0)})\n`);
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
      'Fetch the models MODELS_DIR lacks from the model hub (even with ALLOW_REMOTE_MODELS=false, which only stops workers from fetching)',
    )
    .argument('[pairs...]', 'directions such as en-es es-uk (default: all 30)')
    .option('--hub <url>', 'model hub or mirror to fetch from (default: MODEL_HUB_URL)')
    .option('--json', 'print what was pulled as JSON, for scripts (no progress display)')
    .action(async (pairs: string[], options: PullOptions) => {
      const { config } = loadCliConfig();
      // The model runtime takes seconds to load: only for this command.
      const { inspectModel, modelMapInForce, neededModels, requiredFiles } = await import(
        '../models/model-inventory.ts'
      );
      const { pullModel } = await import('../models/pull-model.ts');
      const modelsDir = config.modelsDir;
      const hub = options.hub ?? config.modelHubUrl;
      const map = await modelMapInForce(config);
      const needed = neededModels(map, pairs);
      const found = await Promise.all(
        needed.map((m) => inspectModel(modelsDir, m, config.modelDtype)),
      );
      const missing = found.filter((m) => m.state !== 'present');
      const scope = pairs.length ? `for ${pairs.join(' ')}` : 'for the 30 directions';
      if (missing.length === 0) {
        if (options.json)
          return printJson({ modelsDir, pulled: [], present: found.map((m) => m.id) });
        process.stdout.write(
          `every model the model map needs ${scope} is already in ${modelsDir} (${found.length} model${found.length === 1 ? '' : 's'}); nothing to pull.\n`,
        );
        return;
      }
      const why = await probe(hub);
      if (why) throw unreachable(hub, why, modelsDir, requiredFiles(config.modelDtype), missing);

      if (!options.json) {
        process.stderr.write(
          `pulling ${missing.length} model${missing.length === 1 ? '' : 's'} into ${modelsDir}: ${missing.map((m) => m.id).join(', ')}\n`,
        );
      }
      const reporter = options.json ? { onProgress: () => {}, stop: () => {} } : progressReporter();
      let bytes = 0;
      try {
        for (const model of missing) {
          try {
            await pullModel(model.id, {
              modelsDir,
              hub: hub,
              dtype: config.modelDtype,
              onProgress: reporter.onProgress,
            });
          } catch (error) {
            const network = networkFailure(error);
            if (network)
              throw unreachable(hub, network, modelsDir, requiredFiles(config.modelDtype), missing);
            // The pool wraps the loader's error in a ModelUnavailableError; its cause says why.
            const cause = (error as { cause?: Error }).cause;
            throw new CliError(
              `could not pull ${model.id}: ${cause?.message ?? (error as Error).message}`,
              { cause: error },
            );
          }
          const after = await inspectModel(modelsDir, model, config.modelDtype);
          if (after.state !== 'present') {
            throw new CliError(
              `${model.id} was fetched but lacks ${after.missingFiles.join(', ')} (Tidings needs ${requiredFiles(config.modelDtype).join(', ')})`,
            );
          }
          bytes += after.bytes - model.bytes;
        }
      } finally {
        reporter.stop();
      }
      if (options.json) {
        return printJson({ modelsDir, pulled: missing.map((m) => m.id), bytes });
      }
      process.stdout.write(
        `pulled ${missing.length} model${missing.length === 1 ? '' : 's'} (${formatBytes(bytes)}) into ${modelsDir}.\n`,
      );
    });
}
