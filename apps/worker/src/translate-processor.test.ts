import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, LANGUAGE_CODES } from '@tidings/core';
import { loadResources, translatorFor } from '@tidings/i18n';
import {
  createRedisConnection,
  resultMessageSchema,
  resultsQueue,
  TRANSLATE_JOB,
  type TranslateJobData,
  type TranslationResultData,
  translateQueue,
} from '@tidings/queue';
import { ensureTestModels, expectedTranslation } from '@tidings/test-models';
import {
  REVIEW_REASON_CODES,
  type ReviewReason,
  type ReviewReasonCode,
  Translator,
} from '@tidings/translator';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LockLostError,
  reportStalledTooOften,
  reviewText,
  translateProcessor,
} from './translate-processor.ts';

const logger = createLogger({ logLevel: 'silent', logFormat: 'json' }, 'test');
const redis = createRedisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'worker');
const prefix = `worker-test-${process.pid}`;
const translate = translateQueue({ connection: redis, prefix });
const results = resultsQueue({ connection: redis, prefix });
const emptyModels = mkdtempSync(join(tmpdir(), 'tidings-no-models-'));
let translator: Translator;
let missing: Translator;
let dropsTags: Translator;

const content = {
  title: 'Ukraine joins the alliance',
  summary: '',
  body: '<p>Ukraine has been granted <a href="https://example.org/jef">extended partner</a> status.</p>',
  categories: ['Defence'],
};

async function realJob(data: TranslateJobData, id: string, attempts = 3) {
  await translate.add(TRANSLATE_JOB, data, { jobId: id, attempts });
  const job = await Job.fromId<TranslateJobData>(translate, id);
  if (!job) throw new Error('job not stored');
  return job;
}

// The result as the API reads it: parsed, so a message the consumer would refuse fails here.
async function finished<O extends TranslationResultData['outcome']>(
  id: string,
  outcome: O,
): Promise<Extract<TranslationResultData, { outcome: O }>> {
  const job = await results.getJob(`finished.${id}`);
  if (!job) throw new Error(`no result for ${id}`);
  const data = resultMessageSchema.parse(job.data);
  if (data.kind !== 'finished' || data.outcome !== outcome) {
    throw new Error(`${id}: expected ${outcome}, got ${JSON.stringify(data)}`);
  }
  return data as Extract<TranslationResultData, { outcome: O }>;
}

beforeAll(async () => {
  const models = await ensureTestModels({ kinds: ['dictionary', 'unruly'] });
  translator = new Translator({ modelsDir: models.dictionaryModelsDir, ortThreads: 1 });
  dropsTags = new Translator({ modelsDir: models.unrulyModelsDirs['drop-tags'], ortThreads: 1 });
  missing = new Translator({ modelsDir: emptyModels, allowRemoteModels: false });
});
afterAll(async () => {
  await translate.obliterate({ force: true });
  await results.obliterate({ force: true });
  await translator.close();
  await missing.close();
  await dropsTags.close();
  redis.disconnect();
  rmSync(emptyModels, { recursive: true, force: true });
});

describe('translateProcessor', () => {
  it('tells the API it started, then hands back the translation on the results queue', async () => {
    const job = await realJob(
      { articleId: 'a1', revision: 1, source: 'en', target: 'es', content },
      'a1.r1.es',
    );
    await translateProcessor(translator, results, logger)(job);
    expect((await results.getJob('started.a1.r1.es'))?.data.kind).toBe('started');
    const result = await finished('a1.r1.es', 'published');
    expect(result.outcome).toBe('published');
    expect(result.model).toBe('Xenova/opus-mt-en-es');
    expect(result.content?.title).toBe(
      expectedTranslation(content.title, { src: 'en', tgt: 'es' }),
    );
    expect(result.content?.title).toMatch(/^Ucrania /);
    expect(result.content?.body).toContain('href="https://example.org/jef"');
    expect(result.source).toBe('en');
    expect(result.modelCalls).toBeGreaterThan(0);
  });

  it('publishes a version whose lost link was put back with the repair as its flag under PUBLISH_POLICY=flag, and holds it under hold', async () => {
    const data = { articleId: 'a9', revision: 1, source: 'en', target: 'es', content } as const;
    await translateProcessor(
      dropsTags,
      results,
      logger,
      undefined,
      'flag',
    )(await realJob(data, 'a9.r1.es'));
    const flagged = await finished('a9.r1.es', 'published');
    // The model wrote 'Ucrania ha sido concedido ampliado socio estatus.', with no tags at all.
    expect(flagged.content?.body).toContain(
      'concedido <a href="https://example.org/jef" rel="noopener noreferrer">ampliado socio</a> estatus.',
    );
    // The link named as an editor knows it, by the words it wraps.
    expect(flagged.reason).toBe(
      'Markup the model lost or moved was repaired in “Ukraine has been granted extended partner status.”: the link around “extended partner” was put back',
    );
    await translateProcessor(
      dropsTags,
      results,
      logger,
      undefined,
      'hold',
    )(await realJob({ ...data, revision: 2 }, 'a9.r2.es'));
    const held = await finished('a9.r2.es', 'needs_review');
    expect(held.content?.body).toBe(flagged.content?.body);
    expect(held.reason).toBe(flagged.reason);
    // The same reasons travel as data, for the API and the desk to say in any language.
    const repaired = {
      code: 'markup-repaired',
      repairs: [
        { placeholder: '<g1>', how: 'restored', element: 'link', wraps: 'extended partner' },
        { placeholder: '</g1>', how: 'restored', element: 'link', wraps: 'extended partner' },
      ],
    };
    expect('reasons' in flagged && flagged.reasons).toEqual([expect.objectContaining(repaired)]);
    expect('reasons' in held && held.reasons).toEqual(
      'reasons' in flagged ? flagged.reasons : undefined,
    );
  });

  it('fails at once, reporting why, when the model is missing: no retry can help', async () => {
    const job = await realJob(
      { articleId: 'a2', revision: 1, source: 'en', target: 'de', content },
      'a2.r1.de',
    );
    await expect(translateProcessor(missing, results, logger)(job)).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
    const result = await finished('a2.r1.de', 'failed');
    expect(result.outcome).toBe('failed');
    expect(result.reason).toMatch(/Xenova\/opus-mt-en-de.*tidings models pull/);
    // The same failure as data, for the API and the desk to say in any language.
    expect(result.failure).toEqual({
      code: 'model-unavailable',
      model: 'Xenova/opus-mt-en-de',
      modelsDir: emptyModels,
    });
  });

  it('leaves a transient failure to the retries, reporting nothing before the last attempt', async () => {
    const broken = { ...content, body: '' };
    const job = await realJob(
      { articleId: 'a3', revision: 1, source: 'en', target: 'de', content: broken },
      'a3.r1.de',
      3,
    );
    // A translator whose Redis is gone: the memory lookup fails, which a retry can mend.
    const lost = createRedisConnection('redis://127.0.0.1:1', 'producer', {
      retryStrategy: () => null,
    });
    lost.on('error', () => undefined);
    const { dictionaryModelsDir } = await ensureTestModels({ kinds: ['dictionary'] });
    const cut = new Translator({ modelsDir: dictionaryModelsDir, redis: lost });
    try {
      const error = await translateProcessor(
        cut,
        results,
        logger,
      )(job).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(UnrecoverableError);
      expect((error as Error).message).toMatch(/stream|connect|writeable|closed/i);
      expect(await results.getJob('finished.a3.r1.de')).toBeUndefined();
    } finally {
      await cut.close();
      lost.disconnect();
    }
  });

  it('gives up a job whose lock was lost, leaving its result to the worker that takes it over', async () => {
    const job = await realJob(
      { articleId: 'a4', revision: 1, source: 'en', target: 'it', content },
      'a4.r1.it',
    );
    const lost = new AbortController();
    // The lock goes while the translation is under way.
    const slow = {
      translateArticle: (...args: Parameters<Translator['translateArticle']>) => {
        setTimeout(() => lost.abort('its lock ran out while Redis was out of reach'), 0);
        return translator.translateArticle(...args);
      },
    };
    const error = await translateProcessor(slow, results, logger)(job, 'token', lost.signal).catch(
      (e: unknown) => e,
    );
    // BullMQ leaves a job alone when its processor throws a DelayedError.
    expect(error).toBeInstanceOf(LockLostError);
    expect(error).toBeInstanceOf(DelayedError);
    expect(await results.getJob('finished.a4.r1.it')).toBeUndefined();
  });
});

describe('reportStalledTooOften', () => {
  it('reports the language as failed for stalling, so the API translates it again', async () => {
    await reportStalledTooOften(results, {
      articleId: 'a5',
      revision: 2,
      source: 'uk',
      target: 'fr',
      content,
    });
    const result = await finished('a5.r2.fr', 'failed');
    expect(result).toMatchObject({ outcome: 'failed', stalled: true, language: 'fr', revision: 2 });
    expect(result.reason).toMatch(/workers died or stalled \d+ times/);
    expect(result.failure).toEqual({ code: 'stalled', stalls: 6, jobs: 1 });
  });
});

const segment = 'The minister met 习近平 on 5 May.';
// One reason per code; the compiler holds the keys to every code there is.
const samples: { [C in ReviewReasonCode]: ReviewReason & { code: C } } = {
  'placeholder-unknown': { code: 'placeholder-unknown', placeholder: '<x3/>', segment },
  'placeholder-missing': { code: 'placeholder-missing', placeholder: 1, segment },
  'placeholder-repeated': { code: 'placeholder-repeated', placeholder: 2, segment },
  'placeholder-out-of-order': { code: 'placeholder-out-of-order', placeholder: 1, segment },
  'empty-translation': { code: 'empty-translation', segment },
  'number-missing': { code: 'number-missing', number: '5', segment },
  'repetition-loop': { code: 'repetition-loop', phrase: 'gut', segment },
  'length-ratio': { code: 'length-ratio', ratio: 0.12, segment },
  truncated: { code: 'truncated', ratio: 0.52, segment },
  'lost-foreign-run': { code: 'lost-foreign-run', runs: ['习近平'], segment },
  'lost-protected-run': { code: 'lost-protected-run', runs: ['https://example.org'], segment },
  'markup-repaired': {
    code: 'markup-repaired',
    repairs: [
      { placeholder: '<g1>', how: 'restored' },
      { placeholder: '<x2/>', how: 'moved' },
    ],
    segment,
  },
};

describe('review reasons', () => {
  // The codes come from the translator's own list, never from the locale files, so a code the
  // gate learns and no locale names fails here.
  const resources = loadResources();
  for (const lang of LANGUAGE_CODES) {
    it(`has a ${lang} text for every code the translator can give, with its fields filled in`, () => {
      const t = translatorFor(lang);
      for (const code of REVIEW_REASON_CODES) {
        expect(resources[lang].review?.[code], `${lang} ${code}`).toEqual(expect.any(String));
        const text = t(`review:${code}`, { ...samples[code], runs: 'x' });
        expect(text, `${lang} ${code}`).not.toMatch(/\{\{|\}\}/);
        expect(text, `${lang} ${code}`).toContain(segment);
      }
    });
  }

  it('says what the gate found, in English, for the editor', () => {
    expect(reviewText([samples['number-missing']])).toBe(`The number 5 was lost in “${segment}”`);
    expect(reviewText([samples['repetition-loop'], samples['lost-foreign-run']])).toBe(
      `“gut” repeats in a loop in “${segment}”; Text in another script was lost (习近平) in “${segment}”`,
    );
    expect(reviewText([])).toBeUndefined();
  });

  it('says which markup was put back and how', () => {
    expect(reviewText([samples['markup-repaired']])).toBe(
      `Markup the model lost or moved was put back (<g1> put back, <x2/> moved back) in “${segment}”`,
    );
  });
});
