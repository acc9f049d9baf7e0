import type { Config } from '@tidings/core';
import type { DirectionScore, EvalSet, ModelMap } from '@tidings/translator';
import type { Command } from 'commander';
import { CliError, EXIT_USAGE } from '../cli-error.ts';
import { loadCliConfig } from '../config.ts';
import { type EvalVariant, evalPlan } from '../eval/eval-plan.ts';
import { evalProgress } from '../output/eval-progress.ts';
import { renderTable } from '../output/render-table.ts';
import { printJson } from './api-options.ts';

/** The weights `MODELS=demo npm start` builds the demo models in. */
const DEMO_DTYPES: readonly string[] = ['fp32', 'q8'];

interface EvalOptions {
  readonly from?: string;
  readonly to?: string;
  readonly modelMap: string[];
  readonly dtype: string[];
  readonly set?: string;
  readonly sentences?: string;
  readonly json?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];
const percent = (share: number) => `${(share * 100).toFixed(0)}%`;

/** Loads the model runtime only when asked to measure (it takes seconds). */
async function translatorModules() {
  const translator = await import('@tidings/translator');
  const inventory = await import('../models/model-inventory.ts');
  return { ...translator, ...inventory };
}

async function readSet(path: string | undefined, sentences: string | undefined): Promise<EvalSet> {
  const { loadEvalSet, TranslatorConfigError } = await translatorModules();
  let set: EvalSet;
  try {
    set = await loadEvalSet(path);
  } catch (error) {
    if (error instanceof TranslatorConfigError) throw new CliError(`--set: ${error.message}`);
    throw error;
  }
  if (sentences === undefined) return set;
  const count = Number(sentences);
  if (!Number.isInteger(count) || count < 1) {
    throw new CliError(
      `--sentences ${JSON.stringify(sentences)}: expected a whole number, 1 or more`,
      {
        exitCode: EXIT_USAGE,
      },
    );
  }
  return { ...set, sentences: set.sentences.slice(0, count) };
}

/** The variant's map, and a refusal naming what MODELS_DIR lacks before anything is translated. */
async function checkedMap(
  config: Config,
  variant: EvalVariant,
  directions: string[],
): Promise<ModelMap> {
  const { inspectModel, loadModelMap, modelMapInForce, neededModels, TranslatorConfigError } =
    await translatorModules();
  let map: ModelMap;
  try {
    map = variant.modelMap
      ? await loadModelMap(variant.modelMap, config.languages)
      : await modelMapInForce(config);
  } catch (error) {
    if (error instanceof TranslatorConfigError) throw new CliError(`--model-map: ${error.message}`);
    throw error;
  }
  const needed = neededModels(map, directions, config.languages);
  const found = await Promise.all(
    needed.map((m) => inspectModel(config.modelsDir, m, variant.dtype)),
  );
  const absent = found.filter((m) => m.state !== 'present');
  if (absent.length > 0) {
    throw new CliError(
      `${variant.label}: ${config.modelsDir} lacks ${absent.length} of the ${needed.length} models these directions need (${variant.dtype} weights)`,
      {
        lines: [
          ...absent.map((m) =>
            m.state === 'wrong-prefix'
              ? `  ${m.id}: its vocabulary has no ${m.missingPrefixes.join(' ')}, the target prefix the model map gives it (fix the model map)`
              : `  ${m.id}: ${m.state}, no ${m.missingFiles.join(', ')}`,
          ),
          // The demo models are on no hub: `npm start` builds them from the repository.
          config.models === 'demo' && !variant.modelMap
            ? DEMO_DTYPES.includes(variant.dtype)
              ? `MODELS=demo: \`MODELS=demo npm start\` builds the demo models there (fp32 and q8 weights; seconds, cached); run it once first, with the same DATA_DIR.`
              : `MODELS=demo: the demo models are built in fp32 and q8 only; ask for --dtype fp32 or --dtype q8.`
            : `Fetch them with \`MODEL_DTYPE=${variant.dtype} tidings models pull ${directions.join(' ')}\`${variant.modelMap ? ` and MODEL_MAP=${variant.modelMap}` : ''}.`,
        ],
      },
    );
  }
  return map;
}

function table(results: { variant: string; scores: DirectionScore[] }[]): string {
  const compare = results.length > 1;
  const directions = results[0]?.scores.map((s) => `${s.from}-${s.to}`) ?? [];
  const rows = directions.flatMap((direction, d) =>
    results.map(({ variant, scores }) => {
      const s = scores[d];
      if (!s) return [];
      return [
        direction,
        ...(compare ? [variant] : []),
        s.chrF.toFixed(1),
        percent(s.kept),
        percent(s.review),
        s.tokensPerSecond.toFixed(0),
        s.model,
      ];
    }),
  );
  const headers = [
    'DIRECTION',
    ...(compare ? ['VARIANT'] : []),
    'CHRF',
    'KEPT',
    'REVIEW',
    'TOK/S',
    'MODEL',
  ];
  const means = results.map(({ variant, scores }) => {
    const mean = (pick: (s: DirectionScore) => number) =>
      scores.reduce((sum, s) => sum + pick(s), 0) / Math.max(1, scores.length);
    return `${compare ? `${variant}: ` : ''}mean chrF ${mean((s) => s.chrF).toFixed(1)}, kept ${percent(mean((s) => s.kept))}, review ${percent(mean((s) => s.review))}, ${mean((s) => s.tokensPerSecond).toFixed(0)} tokens/s`;
  });
  return [renderTable(headers, rows), '', ...means].join('\n');
}

/**
 * `tidings eval`: translates the parallel test set in every direction served (or `--from`/`--to`)
 * with the local models and prints, per direction, chrF against the references, the share of
 * sentences whose markup, numbers and protected terms survived, the share flagged for review,
 * and tokens per second; `--model-map`/`--dtype` (repeatable) compare configurations.
 *
 * @example
 * registerEval(program);
 */
export function registerEval(program: Command): void {
  program
    .command('eval')
    .description(
      'Measure translation quality and speed on the parallel test set with the local models (MODELS_DIR): per direction chrF, markup/numbers/terms kept, flagged for review, tokens/s',
    )
    .option('--from <langs>', 'source languages, comma-separated (default: every language served)')
    .option('--to <langs>', 'target languages, comma-separated (default: every language served)')
    .option(
      '--model-map <file>',
      'a MODEL_MAP file to measure instead of the map in force; repeat to compare maps side by side',
      collect,
      [],
    )
    .option(
      '--dtype <dtype>',
      'weights: fp32, fp16, q8, int8, uint8 or q4 (default: MODEL_DTYPE); repeat to compare',
      collect,
      [],
    )
    .option('--set <file>', 'a test set of your own, in the format of the one Tidings ships')
    .option('--sentences <n>', 'only the first n sentences of the set (a quick check)')
    .option('--json', 'print the figures as JSON, for scripts')
    .action(async (options: EvalOptions) => {
      const { config } = loadCliConfig();
      const inForce =
        config.models === 'demo' ? 'demo' : config.modelMap ? config.modelMap : 'built-in';
      const plan = evalPlan(options, config.languages, config.modelDtype, inForce);
      const set = await readSet(options.set, options.sentences);
      const directions = plan.directions.map(([from, to]) => `${from}-${to}`);
      const maps = [];
      for (const variant of plan.variants) maps.push(await checkedMap(config, variant, directions));

      const { evaluateTranslator, parseGlossary, Translator } = await translatorModules();
      const progress = evalProgress(plan.variants.length * plan.directions.length);
      const results: { variant: string; scores: DirectionScore[] }[] = [];
      try {
        for (const [v, variant] of plan.variants.entries()) {
          const translator = new Translator({
            modelsDir: config.modelsDir,
            modelMap: maps[v],
            dtype: variant.dtype,
            allowRemoteModels: false,
            ortThreads: config.ortThreads || undefined,
            batchTokens: config.translateBatchTokens,
            glossary: parseGlossary({ terms: set.terms.map((source) => ({ source })) }),
          });
          try {
            const scores = await evaluateTranslator(translator, set, plan.directions, {
              onDirection: ({ from, to, score }) =>
                progress.step({
                  variant: variant.label,
                  direction: `${from}-${to}`,
                  chrF: score?.chrF,
                }),
            });
            results.push({ variant: variant.label, scores });
          } finally {
            await translator.close();
          }
        }
      } catch (error) {
        const { ModelPrefixError, ModelUnavailableError } = await translatorModules();
        if (error instanceof ModelUnavailableError || error instanceof ModelPrefixError) {
          throw new CliError(error.message);
        }
        throw error;
      } finally {
        progress.stop();
      }
      if (options.json) {
        return printJson({
          set: options.set ?? 'built-in',
          sentences: set.sentences.length,
          modelsDir: config.modelsDir,
          variants: results.map(({ variant, scores }, v) => ({
            label: variant,
            modelMap: plan.variants[v]?.modelMap ?? null,
            dtype: plan.variants[v]?.dtype,
            directions: scores,
          })),
        });
      }
      process.stdout.write(
        [
          `test set: ${options.set ?? 'built-in news set'}, ${set.sentences.length} sentences per direction; MODELS_DIR: ${config.modelsDir}`,
          '',
          table(results),
          '',
          'CHRF: character n-gram F-score (chrF, β=2) against the references, 0-100. KEPT: sentences whose links, emphasis, numbers and protected terms all survived. REVIEW: sentences the translator flagged for review. TOK/S: output tokens per second, models loaded.',
          '',
        ].join('\n'),
      );
    });
}
