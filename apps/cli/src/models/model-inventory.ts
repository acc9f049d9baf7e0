import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Config, isLanguageCode, LANGUAGE_CODES, type LanguageCode } from '@tidings/core';
import {
  DEFAULT_MODEL_MAP,
  DEMO_MODEL_MAP,
  loadModelMap,
  type ModelMap,
  modelFiles,
  resolveRoute,
  TranslatorConfigError,
  vocabularyOf,
} from '@tidings/translator';
import { CliError, EXIT_USAGE } from '../cli-error.ts';

/** Which weights the workers load (MODEL_DTYPE). */
export type ModelDtype = Config['modelDtype'];

/** A model the model map needs, and the directions it serves (`en-es`…). */
export interface NeededModel {
  readonly id: string;
  readonly directions: readonly string[];
  /** Target-language prefixes (`>>fr<<`) the map gives it, if it is a multi-target model. */
  readonly prefixes?: readonly string[] | undefined;
}

/**
 * Whether a needed model is in MODELS_DIR and usable, and how much room it takes there.
 * `wrong-prefix`: its files are all there, but its vocabulary lacks a target prefix the map
 * gives it, so every job of those directions fails; pulling it again does not help, the map must
 * change.
 */
export interface ModelPresence extends NeededModel {
  readonly state: 'present' | 'wrong-prefix' | 'incomplete' | 'missing';
  readonly missingFiles: readonly string[];
  /** Prefixes of the map that the model's vocabulary lacks: the map is wrong for this model. */
  readonly missingPrefixes: readonly string[];
  /** Bytes of everything under `MODELS_DIR/<model id>/`. */
  readonly bytes: number;
}

/**
 * The model map in force: the demo map with MODELS=demo, else the MODEL_MAP file, else the
 * built-in one.
 *
 * @example
 * const map = await modelMapInForce(config);
 */
export async function modelMapInForce(
  config: Pick<Config, 'modelMap' | 'models'> & Partial<Pick<Config, 'languages'>>,
): Promise<ModelMap> {
  if (config.models === 'demo') return DEMO_MODEL_MAP;
  const path = config.modelMap;
  if (!path) return DEFAULT_MODEL_MAP;
  try {
    return await loadModelMap(path, config.languages);
  } catch (error) {
    if (error instanceof TranslatorConfigError) throw new CliError(`MODEL_MAP: ${error.message}`);
    throw error;
  }
}

/**
 * Parses `en-es` into a direction, or throws a usage error.
 *
 * @example
 * parseDirection('en-uk'); // ['en', 'uk']
 */
export function parseDirection(value: string): [LanguageCode, LanguageCode] {
  const [from = '', to = ''] = value.toLowerCase().split('-');
  if (
    !isLanguageCode(from) ||
    !isLanguageCode(to) ||
    from === to ||
    value.split('-').length !== 2
  ) {
    throw new CliError(
      `"${value}" is not a direction: write two different codes of ${LANGUAGE_CODES.join(', ')}, such as en-es`,
      { exitCode: EXIT_USAGE },
    );
  }
  return [from, to];
}

/**
 * The models a model map needs for the given directions (default: every direction between the
 * `languages` served, all 30 for the six), with the directions each serves; a direction that
 * pivots needs both of its models. A direction outside `languages` is a usage error naming
 * LANGUAGES.
 *
 * @example
 * neededModels(DEFAULT_MODEL_MAP, ['es-uk']).map((m) => m.id);
 * // ['Xenova/opus-mt-es-en', 'Xenova/opus-mt-en-uk']
 * neededModels(DEFAULT_MODEL_MAP, [], ['en', 'uk']).map((m) => m.id);
 * // ['Xenova/opus-mt-en-uk', 'Xenova/opus-mt-uk-en']
 */
export function neededModels(
  map: ModelMap,
  directions?: readonly string[],
  languages: readonly LanguageCode[] = LANGUAGE_CODES,
): NeededModel[] {
  const wanted = directions?.length
    ? directions.map(parseDirection)
    : languages.flatMap((from) =>
        languages
          .filter((to) => to !== from)
          .map((to) => [from, to] as [LanguageCode, LanguageCode]),
      );
  const outside = wanted.filter(
    ([from, to]) => !languages.includes(from) || !languages.includes(to),
  );
  if (outside.length > 0) {
    throw new CliError(
      `${outside.map(([from, to]) => `${from}-${to}`).join(', ')}: this instance serves only ${languages.join(', ')} (LANGUAGES)`,
      { exitCode: EXIT_USAGE },
    );
  }
  const byModel = new Map<string, Set<string>>();
  const prefixes = new Map<string, Set<string>>();
  for (const [from, to] of wanted) {
    for (const step of resolveRoute(map, from, to)) {
      const set = byModel.get(step.model) ?? new Set<string>();
      set.add(`${from}-${to}`);
      byModel.set(step.model, set);
      if (step.prefix)
        prefixes.set(step.model, (prefixes.get(step.model) ?? new Set()).add(step.prefix));
    }
  }
  return [...byModel.entries()]
    .map(([id, set]) => {
      const own = [...(prefixes.get(id) ?? [])].sort();
      return { id, directions: [...set].sort(), ...(own.length > 0 ? { prefixes: own } : {}) };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

async function sizeOf(path: string): Promise<number> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
  let total = 0;
  for (const entry of entries) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) total += await sizeOf(full);
    else if (entry.isFile()) total += (await stat(full)).size;
  }
  return total;
}

const exists = (path: string) =>
  stat(path).then(
    (s) => s.isFile() && s.size > 0,
    () => false,
  );

/**
 * Looks for a needed model's files (for the given weights) under MODELS_DIR.
 *
 * @example
 * const found = await inspectModel('/srv/models', { id: 'Xenova/opus-mt-en-es', directions: ['en-es'] });
 * found.state; // 'present' (or 'wrong-prefix', 'incomplete', 'missing')
 */
export async function inspectModel(
  modelsDir: string,
  model: NeededModel,
  dtype: ModelDtype = 'fp32',
): Promise<ModelPresence> {
  const dir = join(modelsDir, model.id);
  const files = modelFiles(dtype);
  const missingFiles: string[] = [];
  for (const file of files) if (!(await exists(join(dir, file)))) missingFiles.push(file);
  let missingPrefixes: string[] = [];
  if (model.prefixes?.length && !missingFiles.includes('tokenizer.json')) {
    const json: unknown = JSON.parse(await readFile(join(dir, 'tokenizer.json'), 'utf8'));
    const vocabulary = vocabularyOf(json);
    missingPrefixes = model.prefixes.filter((p) => !vocabulary.has(p));
  }
  const state =
    missingFiles.length === files.length
      ? 'missing'
      : missingFiles.length > 0
        ? 'incomplete'
        : missingPrefixes.length > 0
          ? 'wrong-prefix'
          : 'present';
  return { ...model, state, missingFiles, missingPrefixes, bytes: await sizeOf(dir) };
}
