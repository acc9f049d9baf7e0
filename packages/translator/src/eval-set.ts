import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { LanguageCode } from '@tidings/core';
import { z } from 'zod';
import { TranslatorConfigError } from './errors.ts';
import { parseConfigData } from './parse-config-data.ts';

/** One sentence of the test set, in every language (HTML with inline links and emphasis). */
export type EvalSentence = { readonly id: string } & Readonly<Record<LanguageCode, string>>;

/** A parallel test set: sentence i means the same in every language. */
export interface EvalSet {
  /** Terms kept verbatim in every language (given to the translator as protected terms). */
  readonly terms: readonly string[];
  readonly sentences: readonly EvalSentence[];
}

/** The test set that ships with Tidings: 60 news sentences in en, es, de, fr, it and uk. */
export const EVAL_SET_PATH = fileURLToPath(new URL('../eval-set/news.json', import.meta.url));

const text = z.string().trim().min(1);
const sentenceSchema = z.object({
  id: z.string().min(1),
  en: text,
  es: text,
  de: text,
  fr: text,
  it: text,
  uk: text,
});

const evalSetSchema = z.object({
  terms: z.array(z.string().min(1)).default([]),
  sentences: z.array(sentenceSchema).min(1),
});

/**
 * Reads and checks a parallel test set (default: the one that ships with Tidings). Throws a
 * `TranslatorConfigError` naming the file and the field when it is not one.
 *
 * @example
 * const set = await loadEvalSet();
 * set.sentences[0]?.uk; // 'Україна отримала статус розширеного партнера…'
 */
export async function loadEvalSet(path: string = EVAL_SET_PATH): Promise<EvalSet> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new TranslatorConfigError(path, `cannot read it as JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
  return parseConfigData(evalSetSchema, data, path);
}
