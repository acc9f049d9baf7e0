// MODELS=demo: builds the repository's dictionary models (test/models, cached) and makes them
// the demo models under MODELS_DIR (DATA_DIR/demo-models/tidings-demo/opus-mt-*), so that
// every translation they make carries a demo model's id.
import { mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** The banner said at start, so that demo mode is never on silently. */
export const DEMO_BANNER = [
  '┌─ DEMO MODE (MODELS=demo) ──────────────────────────────────────────────────────────',
  '│ Translations come from the small word-for-word dictionary models this repository',
  '│ builds for itself, not from real translation models. Every page, feed item and API',
  '│ version they make is marked as a demo translation. Unset MODELS for real models.',
  '└────────────────────────────────────────────────────────────────────────────────────',
].join('\n');

/** Builds (or finds, cached) the dictionary models and links them in as the demo models. */
export async function prepareDemoModels({ modelsDir, say }) {
  const { tsImport } = await import('tsx/esm/api');
  const { DEMO_MODEL_OWNER } = await tsImport('@tidings/core', import.meta.url);
  const { ensureTestModels } = await tsImport('@tidings/test-models', import.meta.url);
  say('building the demo models (test/models; cached after the first run)…');
  const started = Date.now();
  const { dictionaryModelsDir, generated } = await ensureTestModels({ kinds: ['dictionary'] });
  const target = join(dictionaryModelsDir, 'Xenova');
  const link = join(modelsDir, DEMO_MODEL_OWNER);
  mkdirSync(modelsDir, { recursive: true });
  let current;
  try {
    current = readlinkSync(link);
  } catch {
    current = undefined;
  }
  if (current !== target) {
    rmSync(link, { force: true });
    symlinkSync(target, link, 'dir');
  }
  say(
    `demo models ${generated.length > 0 ? `built in ${((Date.now() - started) / 1000).toFixed(1)} s` : 'up to date'}: ${link} -> ${target}`,
  );
}
