import type { Config } from '@tidings/core';
import { CliError } from '../cli-error.ts';
import { inspectModel, modelMapInForce, neededModels } from '../models/model-inventory.ts';
import type { Check } from './check.ts';

/**
 * Checks that the model map is valid and that every model it needs is in MODELS_DIR. A missing
 * model is a failure when workers may not fetch it (ALLOW_REMOTE_MODELS=false), else a warning.
 *
 * @example
 * await modelsCheck(config);
 */
export async function modelsCheck(
  config: Pick<Config, 'modelMap' | 'modelsDir' | 'modelDtype' | 'allowRemoteModels'>,
): Promise<Check> {
  let needed: ReturnType<typeof neededModels>;
  try {
    needed = neededModels(await modelMapInForce(config.modelMap));
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return {
      name: 'Models',
      status: 'fail',
      detail: error.message,
      fix: 'correct the MODEL_MAP file',
    };
  }
  const found = await Promise.all(
    needed.map((m) => inspectModel(config.modelsDir, m, config.modelDtype)),
  );
  const absent = found.filter((m) => m.state !== 'present');
  if (absent.length === 0) {
    return {
      name: 'Models',
      status: 'ok',
      detail: `all ${found.length} models the model map needs are in ${config.modelsDir}`,
    };
  }
  const names = absent.map((m) => m.id);
  return {
    name: 'Models',
    status: config.allowRemoteModels ? 'warn' : 'fail',
    detail:
      `${absent.length} of ${found.length} models not in ${config.modelsDir}: ${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''}` +
      (config.allowRemoteModels ? ' (workers will fetch them on first use)' : ''),
    fix: '`tidings models pull`, or copy them into MODELS_DIR/<model id>/ by hand (`tidings models list` shows which)',
  };
}
