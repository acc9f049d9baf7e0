import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';
import { heldDraft } from '../testing/held-draft.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness({ rateLimitPerMinute: 1000 });
});
afterAll(() => h.close());

interface Version {
  reason: string | null;
  reasons: { code: string; segment: string; text: string; number?: string; runs?: string[] }[];
}

/** The German draft of "Ships leave on 5 May", held with its English reason (and `reasons`, when given). */
const held = (reasons?: object[]) =>
  heldDraft(h, {
    reason: 'The number 5 was lost in “Ships leave on 5 May.”',
    reasons: reasons as never,
  });

async function get(id: string, acceptLanguage?: string): Promise<Response> {
  return h.app.request(`/v1/articles/${id}/de`, {
    headers: {
      authorization: `Bearer ${h.keys.editor}`,
      ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}),
    },
  });
}

describe('GET /v1/articles/{id}/{lang} review reasons', () => {
  const reasons = [
    { code: 'number-missing', number: '5', segment: 'Ships leave on 5 May.' },
    { code: 'lost-foreign-run', runs: ['习近平', 'ACME'], segment: 'Met 习近平.' },
  ];

  it('lists each reason as data with its text in the language Accept-Language asks for', async () => {
    const id = await held(reasons);
    const de = await get(id, 'de-CH, fr;q=0.8');
    expect(de.status).toBe(200);
    expect(de.headers.get('vary') ?? '').toMatch(/accept-language/i);
    expect(((await de.json()) as Version).reasons).toEqual([
      { ...reasons[0], text: 'Die Zahl 5 ging verloren in „Ships leave on 5 May.“' },
      {
        ...reasons[1],
        text: 'Text in einer anderen Schrift ging verloren (习近平, ACME) in „Met 习近平.“',
      },
    ]);
    const fr = (await (await get(id, 'fr')).json()) as Version;
    expect(fr.reasons[0]?.text).toBe(
      'Le nombre 5 a été perdu dans «\u00a0Ships leave on 5 May.\u00a0»',
    );
    // None of the six asked for, or no header: English.
    const en = (await (await get(id, 'ja')).json()) as Version;
    expect(en.reasons[0]?.text).toBe('The number 5 was lost in “Ships leave on 5 May.”');
    expect(((await (await get(id)).json()) as Version).reasons[0]?.text).toBe(
      'The number 5 was lost in “Ships leave on 5 May.”',
    );
  });

  it('answers an older version, kept with only the English text, with no reasons and that text', async () => {
    const id = await held();
    const body = (await (await get(id, 'de')).json()) as Version;
    expect(body.reasons).toEqual([]);
    expect(body.reason).toBe('The number 5 was lost in “Ships leave on 5 May.”');
  });

  it('shows the same reasons per language in GET /v1/articles/{id}, keeping the English reason', async () => {
    const id = await held(reasons);
    const res = await h.app.request(`/v1/articles/${id}`, {
      headers: { authorization: `Bearer ${h.keys.editor}`, 'accept-language': 'de' },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { languages: Record<string, Version> };
    expect(body.languages.de?.reason).toBe('The number 5 was lost in “Ships leave on 5 May.”');
    expect(body.languages.de?.reasons).toEqual([
      { ...reasons[0], text: 'Die Zahl 5 ging verloren in „Ships leave on 5 May.“' },
      {
        ...reasons[1],
        text: 'Text in einer anderen Schrift ging verloren (习近平, ACME) in „Met 习近平.“',
      },
    ]);
    const older = await held();
    const plain = await h.app.request(`/v1/articles/${older}`, {
      headers: { authorization: `Bearer ${h.keys.editor}` },
    });
    const languages = ((await plain.json()) as { languages: Record<string, Version> }).languages;
    for (const state of Object.values(languages)) expect(state.reasons).toEqual([]);
  });
});

describe('GET /v1/articles/{id}/{lang} failure reasons', () => {
  const failure = {
    code: 'model-unavailable',
    model: 'Xenova/opus-mt-en-de',
    modelsDir: '/srv/models',
  } as const;
  const english = 'Model Xenova/opus-mt-en-de is not available in /srv/models (not found).';

  async function failed(withData: boolean): Promise<string> {
    const res = await h.call('POST', '/v1/articles', h.keys.publisher, {
      title: 'Ships leave',
      body: '<p>Ships leave.</p>',
      language: 'en',
    });
    const { id } = (await res.json()) as { id: string };
    await h.store.recordTranslationFailure({
      articleId: id,
      language: 'de',
      revision: 1,
      reason: english,
      ...(withData ? { failure } : {}),
    });
    return id;
  }

  it('shows why it failed by code, with its text in the language Accept-Language asks for, and in the article view', async () => {
    const id = await failed(true);
    const de = (await (await get(id, 'de')).json()) as Version;
    expect(de.reason).toBe(english);
    expect(de.reasons).toEqual([
      {
        ...failure,
        text: 'Das Modell Xenova/opus-mt-en-de ist in /srv/models nicht verfügbar: mit `tidings models pull` holen oder, auf einem Server ohne Netz, aus einer Kopie der Modelle mit `tidings models pull --from DIR` installieren (DIR mit Xenova/opus-mt-en-de/), dann neu übersetzen',
      },
    ]);
    const uk = (await (await get(id, 'uk')).json()) as Version;
    expect(uk.reasons[0]?.text).toMatch(/^Модель Xenova\/opus-mt-en-de недоступна в \/srv\/models/);
    const article = await h.app.request(`/v1/articles/${id}`, {
      headers: { authorization: `Bearer ${h.keys.editor}`, 'accept-language': 'de' },
    });
    const body = (await article.json()) as { languages: Record<string, Version> };
    expect(body.languages.de?.reasons).toEqual(de.reasons);
  });

  it('shows a failure kept as text only under the generic code, its text as it is', async () => {
    const id = await failed(false);
    const de = (await (await get(id, 'de')).json()) as Version;
    expect(de.reasons).toEqual([
      {
        code: 'translation-error',
        message: english,
        text: `Die Übersetzung ist fehlgeschlagen: ${english}`,
      },
    ]);
  });
});
