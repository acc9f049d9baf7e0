import { describe, expect, it } from 'vitest';
import { type ProvenanceInput, provenanceOf } from './version-provenance.ts';

const state = (over: Partial<ProvenanceInput>): ProvenanceInput => ({
  language: 'uk',
  sourceLanguage: 'en',
  status: 'published',
  model: 'Xenova/opus-mt-en-uk',
  live: true,
  ...over,
});

describe('provenanceOf', () => {
  it('calls the source language the original', () => {
    expect(provenanceOf(state({ language: 'en' })).kind).toBe('original');
  });

  it('names the model of a live machine translation, and keeps it while a revision is on its way', () => {
    expect(provenanceOf(state({}))).toEqual({
      kind: 'machine',
      language: 'uk',
      sourceLanguage: 'en',
      model: 'Xenova/opus-mt-en-uk',
    });
    expect(provenanceOf(state({ status: 'translating' })).kind).toBe('machine');
    expect(provenanceOf(state({ reviewed: true })).kind).toBe('reviewed');
  });

  it("tells an editor's correction, and one the original has moved past", () => {
    expect(provenanceOf(state({ status: 'edited' }))).toMatchObject({
      kind: 'edited',
      model: null,
    });
    expect(provenanceOf(state({ status: 'stale' })).kind).toBe('stale');
  });

  it('shows the original as pending while a translation is coming, unavailable once it failed or is held', () => {
    for (const status of ['queued', 'translating'] as const) {
      expect(provenanceOf(state({ status, live: false }))).toMatchObject({
        kind: 'pending',
        language: 'en',
      });
    }
    for (const status of ['failed', 'needs_review'] as const) {
      expect(provenanceOf(state({ status, live: false }))).toMatchObject({
        kind: 'unavailable',
        language: 'en',
      });
    }
  });

  it('says a version a demo model made is a demo translation, through a pivot too, and an edit is not', () => {
    const demo = provenanceOf(
      state({ model: 'tidings-demo/opus-mt-es-en → tidings-demo/opus-mt-en-uk' }),
    );
    expect(demo).toMatchObject({ kind: 'machine', demo: true });
    expect(provenanceOf(state({ model: 'Xenova/opus-mt-en-uk' })).demo).toBeUndefined();
    expect(
      provenanceOf(state({ status: 'edited', model: 'tidings-demo/opus-mt-en-uk' })).demo,
    ).toBeUndefined();
  });
});
