import { basename } from 'node:path';
import { isLanguageCode, type LanguageCode } from '@tidings/core';
import { CliError, EXIT_USAGE } from '../cli-error.ts';
import type { ModelDtype } from '../models/model-inventory.ts';

const DTYPES: readonly ModelDtype[] = ['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4'];

/** One configuration to measure: a model map (a file, or the one in force) with its weights. */
export interface EvalVariant {
  /** `built-in fp32`, `models-nllb.json q8`… */
  readonly label: string;
  /** A MODEL_MAP file, or undefined for the map in force. */
  readonly modelMap: string | undefined;
  readonly dtype: ModelDtype;
}

/** What `tidings eval` measures: directions, and the variants compared over them. */
export interface EvalPlan {
  readonly directions: [LanguageCode, LanguageCode][];
  readonly variants: EvalVariant[];
}

/** The options of `tidings eval` that say what to measure. */
export interface EvalPlanOptions {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly modelMap?: readonly string[] | undefined;
  readonly dtype?: readonly string[] | undefined;
}

function languages(flag: string, value: string | undefined, served: readonly LanguageCode[]) {
  if (value === undefined) return served;
  const codes = value
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter(Boolean);
  const bad = codes.filter((c) => !isLanguageCode(c) || !served.includes(c));
  if (codes.length === 0 || bad.length > 0) {
    throw new CliError(
      `${flag} ${JSON.stringify(value)}: expected languages served, comma-separated: ${served.join(', ')} (LANGUAGES)`,
      { exitCode: EXIT_USAGE },
    );
  }
  return codes.filter(isLanguageCode);
}

/**
 * Reads `--from`, `--to`, `--model-map` and `--dtype` into the directions to translate (every
 * pair of the languages served, narrowed by `--from`/`--to`) and the variants to compare (each
 * map × each dtype; the map in force and MODEL_DTYPE when not given). Bad values are usage errors.
 *
 * @example
 * evalPlan({ from: 'en', to: 'es,uk', dtype: ['fp32', 'q8'] }, ['en', 'es', 'uk'], 'fp32', 'built-in');
 * // directions en-es, en-uk; variants 'built-in fp32', 'built-in q8'
 */
export function evalPlan(
  options: EvalPlanOptions,
  served: readonly LanguageCode[],
  dtypeInForce: ModelDtype,
  mapInForce: string,
): EvalPlan {
  const froms = languages('--from', options.from, served);
  const tos = languages('--to', options.to, served);
  const directions = froms.flatMap((from) =>
    tos.filter((to) => to !== from).map((to): [LanguageCode, LanguageCode] => [from, to]),
  );
  if (directions.length === 0) {
    throw new CliError(
      `--from ${options.from ?? '(all)'} --to ${options.to ?? '(all)'} leave no direction to translate`,
      { exitCode: EXIT_USAGE },
    );
  }
  const dtypes = options.dtype?.length ? options.dtype : [dtypeInForce];
  const bad = dtypes.find((d) => !DTYPES.includes(d as ModelDtype));
  if (bad !== undefined) {
    throw new CliError(`--dtype ${JSON.stringify(bad)}: expected one of ${DTYPES.join(', ')}`, {
      exitCode: EXIT_USAGE,
    });
  }
  const maps: (string | undefined)[] = options.modelMap?.length
    ? [...options.modelMap]
    : [undefined];
  const variants = maps.flatMap((modelMap) =>
    (dtypes as ModelDtype[]).map((dtype) => ({
      label: `${modelMap === undefined ? mapInForce : basename(modelMap)} ${dtype}`,
      modelMap,
      dtype,
    })),
  );
  return { directions, variants };
}
