import type { Command } from 'commander';
import { loadCliConfig } from '../config.ts';
import { formatBytes } from '../output/format-units.ts';
import { renderTable } from '../output/render-table.ts';
import { printJson } from './api-options.ts';
import { registerModelsPull } from './models-pull.ts';

const MARK = { present: '✓ present', incomplete: '✗ incomplete', missing: '✗ missing' } as const;

/**
 * `tidings models list|pull`: the models the model map needs, and fetching them.
 *
 * @example
 * registerModels(program);
 */
export function registerModels(program: Command): void {
  const models = program
    .command('models')
    .description('The translation models the model map needs: list them, check them, pull them');

  models
    .command('list')
    .description(
      'List the models the model map in force needs, whether each is in MODELS_DIR, and its size',
    )
    .option('--json', 'print the result as JSON, for scripts')
    .action(async (options: { json?: boolean }) => {
      const { config } = loadCliConfig();
      // The model runtime behind the translator takes seconds to load: only when needed.
      const { inspectModel, modelMapInForce, neededModels } = await import(
        '../models/model-inventory.ts'
      );
      const map = await modelMapInForce(config);
      const found = await Promise.all(
        neededModels(map, [], config.languages).map((m) =>
          inspectModel(config.modelsDir, m, config.modelDtype),
        ),
      );
      if (options.json) {
        return printJson({
          modelMap: config.modelMap ?? null,
          modelsDir: config.modelsDir,
          dtype: config.modelDtype,
          models: found,
        });
      }
      const wrongPrefix = found.filter((m) => m.state === 'wrong-prefix');
      const present = found.filter((m) => m.state === 'present');
      const rows = found.map((m) => [
        m.id,
        m.state === 'wrong-prefix'
          ? `✗ no ${m.missingPrefixes.join(' ')} (fix MODEL_MAP)`
          : MARK[m.state],
        m.bytes ? formatBytes(m.bytes) : '',
        m.directions.join(' '),
      ]);
      process.stdout.write(
        [
          `model map:  ${config.models === 'demo' ? "demo (MODELS=demo: the repository's dictionary models)" : (config.modelMap ?? 'built-in (direct Opus-MT pairs, English pivot for the rest)')}`,
          `MODELS_DIR: ${config.modelsDir} (${config.modelDtype} weights)`,
          '',
          renderTable(['MODEL', 'STATE', 'SIZE', 'DIRECTIONS'], rows),
          '',
          `${found.length} models needed: ${present.length} present (${formatBytes(
            present.reduce((sum, m) => sum + m.bytes, 0),
          )}), ${found.length - present.length - wrongPrefix.length} to pull${
            found.length > present.length + wrongPrefix.length ? ' (tidings models pull)' : ''
          }${
            wrongPrefix.length > 0
              ? `, ${wrongPrefix.length} without the target prefix the model map gives it (fix MODEL_MAP)`
              : ''
          }.`,
          '',
        ].join('\n'),
      );
    });

  models
    .command('check')
    .description(
      'For every direction of the model map: is its model present, will it download (and how much), or can it not be had at all (and the fix); exits 1 when a direction has no usable model',
    )
    .option('--json', 'print the result as JSON, for scripts')
    .action(async (options: { json?: boolean }) => {
      const { config } = loadCliConfig();
      const { modelAvailability } = await import('../models/model-availability.ts');
      const { availabilityBlock } = await import('../models/availability-block.ts');
      const report = await modelAvailability(config);
      if (options.json) printJson(report);
      else process.stdout.write(`${availabilityBlock(report)}\n`);
      const unavailable = report.directions.filter((d) => d.state === 'unavailable');
      if (unavailable.length > 0) process.exitCode = 1;
    });

  registerModelsPull(models);
}
