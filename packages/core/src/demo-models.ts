/**
 * The owner part of the demo models' ids (`tidings-demo/opus-mt-en-es`): the dictionary models
 * the repository builds for itself, used with `MODELS=demo`. A translation whose model has this
 * owner is a demo translation wherever it is shown, whatever mode the service runs in later.
 *
 * @example
 * `${DEMO_MODEL_OWNER}/opus-mt-en-es`; // 'tidings-demo/opus-mt-en-es'
 */
export const DEMO_MODEL_OWNER = 'tidings-demo';

/**
 * Whether a translation's model (or any model of a pivot route, `a → b`) is a demo model.
 *
 * @example
 * isDemoModel('tidings-demo/opus-mt-es-en → tidings-demo/opus-mt-en-uk'); // true
 * isDemoModel('Xenova/opus-mt-en-uk'); // false
 */
export function isDemoModel(model: string | null | undefined): boolean {
  if (!model) return false;
  return model.split(' → ').some((part) => part.trim().startsWith(`${DEMO_MODEL_OWNER}/`));
}
