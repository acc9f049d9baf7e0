import type { Config } from '@tidings/core';
import {
  inspectModel,
  type ModelPresence,
  modelMapInForce,
  neededModels,
} from './model-inventory.ts';
import { networkFailure } from './network-error.ts';

/** What a worker can do for one direction: translate now, after a download, or not at all. */
export type DirectionState = 'present' | 'download' | 'unavailable';

/** One direction of the model map and the models it needs. */
export interface DirectionAvailability {
  /** `en-es`. */
  readonly direction: string;
  readonly state: DirectionState;
  /** Every model its route needs (two when it pivots). */
  readonly models: readonly string[];
}

/** One model the map needs, with what a worker would do about it. */
export interface ModelAvailability extends ModelPresence {
  readonly availability: DirectionState;
  /** Bytes still to download, when the hub said (`download` only). */
  readonly downloadBytes?: number | undefined;
  /** Why it cannot be had (`unavailable` only). */
  readonly reason?: string | undefined;
}

/** The state of every direction and model, and of the hub. */
export interface AvailabilityReport {
  readonly modelsDir: string;
  /** The MODEL_MAP file, `demo` (MODELS=demo), or `null` for the built-in map. */
  readonly modelMap: string | null;
  readonly hub: string;
  /** Why the hub cannot be used, when a model is missing and it cannot. */
  readonly hubProblem?: string | undefined;
  readonly directions: readonly DirectionAvailability[];
  readonly models: readonly ModelAvailability[];
}

/** What the availability check reads from the configuration. */
export type AvailabilityConfig = Pick<
  Config,
  'models' | 'modelMap' | 'modelsDir' | 'modelDtype' | 'allowRemoteModels' | 'modelHubUrl'
> &
  Partial<Pick<Config, 'languages'>>;

/** The one fix for a direction without a usable model, whatever the reason. */
export const UNAVAILABLE_FIX =
  "`tidings models pull --from DIR` from a copy of the models (another machine's MODELS_DIR), `tidings models pull` once the hub (or MODEL_HUB_URL, a mirror of it) answers, or, to try Tidings without them, MODELS=demo (the repository's own word-for-word models; every translation marked as a demo one)";

/** The fix for a model whose vocabulary lacks the target prefix the model map gives it. */
export const WRONG_PREFIX_FIX =
  "correct MODEL_MAP: give the direction a model whose vocabulary has that prefix, or the prefix as this model's vocabulary spells it (a multi-target model's tokenizer.json lists its own, such as >>fra<<); pulling the model again does not help";

/**
 * The fixes for a report's unavailable models, one per kind: a wrong model map, and a model
 * that cannot be had.
 *
 * @example
 * unavailableFixes(report); // [WRONG_PREFIX_FIX] when the map's prefix is the only problem
 */
export function unavailableFixes(report: Pick<AvailabilityReport, 'models'>): string[] {
  const unavailable = report.models.filter((m) => m.availability === 'unavailable');
  return [
    ...(unavailable.some((m) => m.state === 'wrong-prefix') ? [WRONG_PREFIX_FIX] : []),
    ...(unavailable.some((m) => m.state !== 'wrong-prefix') ? [UNAVAILABLE_FIX] : []),
  ];
}

async function head(url: string, timeoutMs: number): Promise<Response> {
  return fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
}

/** Why the hub cannot be reached, or `undefined` when it answers at all. */
async function probeHub(hub: string, timeoutMs: number): Promise<string | undefined> {
  try {
    await head(hub, timeoutMs);
    return undefined;
  } catch (error) {
    return networkFailure(error) ?? (error as Error).message;
  }
}

/** The hub's size of each file a model lacks, or why one cannot be had from it. */
async function remoteSize(
  hub: string,
  model: ModelPresence,
  timeoutMs: number,
): Promise<{ bytes: number } | { reason: string }> {
  let bytes = 0;
  for (const file of model.missingFiles) {
    let response: Response;
    try {
      response = await head(`${hub}${model.id}/resolve/main/${file}`, timeoutMs);
    } catch (error) {
      return {
        reason: `the hub did not answer for ${file} (${networkFailure(error) ?? (error as Error).message})`,
      };
    }
    if (!response.ok) return { reason: `the hub has no ${file} for it (HTTP ${response.status})` };
    // The Hugging Face hub answers large files with a redirect; x-linked-size is the file's.
    bytes += Number(
      response.headers.get('x-linked-size') ?? response.headers.get('content-length') ?? 0,
    );
  }
  return { bytes };
}

/**
 * For every direction of the model map in force (default: every direction between the LANGUAGES served, 30 for all six): whether its models are in
 * MODELS_DIR, can be downloaded (ALLOW_REMOTE_MODELS and a hub that answers and has the files,
 * with their sizes), or cannot be had at all, and why.
 *
 * @example
 * const report = await modelAvailability(config);
 * report.directions.filter((d) => d.state === 'unavailable').map((d) => d.direction);
 */
export async function modelAvailability(
  config: AvailabilityConfig,
  options: { directions?: readonly string[]; timeoutMs?: number } = {},
): Promise<AvailabilityReport> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const map = await modelMapInForce(config);
  const needed = neededModels(map, options.directions, config.languages);
  const found = await Promise.all(
    needed.map((m) => inspectModel(config.modelsDir, m, config.modelDtype)),
  );
  const hub = config.modelHubUrl;
  // A model with the wrong prefix is there: no hub can help it.
  const absent = found.filter((m) => m.state === 'missing' || m.state === 'incomplete');
  let hubProblem: string | undefined;
  if (absent.length > 0) {
    hubProblem = config.allowRemoteModels
      ? await probeHub(hub, timeoutMs).then((why) =>
          why ? `cannot reach the model hub at ${hub} (${why})` : undefined,
        )
      : 'ALLOW_REMOTE_MODELS=false: workers download nothing';
  }
  const models: ModelAvailability[] = [];
  for (const model of found) {
    if (model.state === 'present') {
      models.push({ ...model, availability: 'present' });
    } else if (model.state === 'wrong-prefix') {
      models.push({
        ...model,
        availability: 'unavailable',
        reason: `its vocabulary has no ${model.missingPrefixes.join(' ')}, the target prefix the model map gives it`,
      });
    } else if (hubProblem) {
      models.push({ ...model, availability: 'unavailable', reason: hubProblem });
    } else {
      const size = await remoteSize(hub, model, timeoutMs);
      models.push(
        'bytes' in size
          ? { ...model, availability: 'download', downloadBytes: size.bytes }
          : { ...model, availability: 'unavailable', reason: size.reason },
      );
    }
  }
  const byId = new Map(models.map((m) => [m.id, m]));
  const routes = new Map<string, string[]>();
  for (const model of models) {
    for (const direction of model.directions) {
      routes.set(direction, [...(routes.get(direction) ?? []), model.id]);
    }
  }
  const rank: Record<DirectionState, number> = { present: 0, download: 1, unavailable: 2 };
  const directions = [...routes.entries()]
    .map(([direction, ids]) => {
      let state: DirectionState = 'present';
      for (const id of ids) {
        const own = byId.get(id)?.availability ?? 'unavailable';
        if (rank[own] > rank[state]) state = own;
      }
      return { direction, state, models: ids };
    })
    .sort((a, b) => a.direction.localeCompare(b.direction));
  return {
    modelsDir: config.modelsDir,
    modelMap: config.models === 'demo' ? 'demo' : (config.modelMap ?? null),
    hub,
    ...(hubProblem ? { hubProblem } : {}),
    directions,
    models,
  };
}
