import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';
import { deskClient } from '../testing/desk-client.ts';
import { heldDraft } from '../testing/held-draft.ts';

// Every surface that speaks to a reader chooses its language one way (`requestLanguage`): a
// quality list that prefers German over Italian gets German on each.

const GERMAN_OVER_ITALIAN = { 'accept-language': 'it;q=0.5, de;q=0.9' };

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness({ rateLimitPerMinute: 1000 });
});
afterAll(() => h.close());

describe('Accept-Language: it;q=0.5, de;q=0.9 gets German', () => {
  it('on a problem, with the reason given for a field', async () => {
    const res = await h.call(
      'POST',
      '/v1/articles',
      h.keys.publisher,
      { title: '', body: '<p>x</p>', language: 'en' },
      GERMAN_OVER_ITALIAN,
    );
    expect(res.status).toBe(422);
    expect(res.headers.get('content-language')).toBe('de');
    const body = (await res.json()) as {
      title: string;
      errors: { field: string; message: string }[];
    };
    expect(body.title).toBe('Validierung fehlgeschlagen');
    expect(body.errors).toContainEqual({ field: 'title', message: 'ein Titel ist nötig' });
  });

  it("on a problem type's page", async () => {
    const res = await h.app.request('/docs/problems/conflict', { headers: GERMAN_OVER_ITALIAN });
    expect(res.headers.get('content-language')).toBe('de');
    expect(await res.text()).toContain('<html lang="de">');
  });

  it("on a version's review reasons and a skipped retry's reason", async () => {
    const id = await heldDraft(h, {
      reasons: [{ code: 'number-missing', number: '5', segment: 'Ships leave on 5 May.' }],
      draft: { title: 'Schiffe', summary: '', body: '<p>Schiffe.</p>', categories: [] },
    });
    const version = await h.call(
      'GET',
      `/v1/articles/${id}/de`,
      h.keys.editor,
      undefined,
      GERMAN_OVER_ITALIAN,
    );
    expect(((await version.json()) as { reasons: { text: string }[] }).reasons[0]?.text).toBe(
      'Die Zahl 5 ging verloren in „Ships leave on 5 May.“',
    );
    await h.call('PUT', `/v1/articles/${id}/fr`, h.keys.editor, {
      title: 'Navires',
      body: '<p>Corrigé.</p>',
    });
    const retry = await h.call(
      'POST',
      `/v1/articles/${id}/retry`,
      h.keys.editor,
      undefined,
      GERMAN_OVER_ITALIAN,
    );
    const { retries } = (await retry.json()) as {
      retries: { language: string; reasons: { text: string }[] }[];
    };
    expect(retries.find((r) => r.language === 'fr')?.reasons[0]?.text).toBe(
      'die fr-Fassung ist eine Korrektur der Redaktion (edited); eine Wiederholung ersetzt sie nie',
    );
  });

  it('on the desk, when the editor has chosen no language', async () => {
    const page = await deskClient(h.app).get('/desk/sign-in', GERMAN_OVER_ITALIAN);
    expect(await page.text()).toContain('<html lang="de">');
  });
});
