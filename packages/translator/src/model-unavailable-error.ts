/**
 * A translation model that can be neither found in the models directory nor fetched.
 * A retry cannot help: the job should fail for good and tell the operator how to fix it.
 *
 * @example
 * throw new ModelUnavailableError('Xenova/opus-mt-en-es', '/srv/models', 'config.json missing');
 */
export class ModelUnavailableError extends Error {
  override readonly name = 'ModelUnavailableError';
  /** Retrying the same job on the same machine fails the same way. */
  readonly unrecoverable = true;
  /** Hub id of the missing model, e.g. `Xenova/opus-mt-en-es`. */
  readonly model: string;
  /** Directory that was searched (MODELS_DIR). */
  readonly modelsDir: string;

  constructor(model: string, modelsDir: string, reason: string, options?: { cause?: unknown }) {
    super(
      `Model ${model} is not available in ${modelsDir} (${reason}). ` +
        `Fetch it with \`tidings models pull\`, or copy its files into ${modelsDir}/${model}.`,
      options,
    );
    this.model = model;
    this.modelsDir = modelsDir;
  }
}
