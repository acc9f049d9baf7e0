import { LANGUAGE_CODES, type LanguageCode, type Logger } from '@tidings/core';
import type { GlossarySnapshot, Store } from '@tidings/store';
import { type Context, Hono } from 'hono';
import { glossaryTermSchema, type TermRefusal, termSource } from '../routes/glossary.ts';
import { glossaryChanges } from '../routes/glossary-changes.ts';
import type { DeskEnv } from './desk-env.ts';
import { deskPage } from './desk-page.ts';
import type { FieldError } from './error-summary.ts';
import { EMPTY_GLOSSARY_FORM, type GlossaryFormValues, glossaryPage } from './glossary-page.ts';
import { requireDeskSession } from './require-desk-session.ts';

/** What the desk's glossary needs: the same store and publisher as `/v1/glossary`. */
export interface DeskGlossaryDeps {
  readonly store: Store;
  readonly logger: Logger;
  readonly publish?: ((snapshot: GlossarySnapshot) => Promise<unknown>) | undefined;
  /** The languages served (`LANGUAGES`), offered in the form; all six when absent. */
  readonly languages?: readonly LanguageCode[] | undefined;
}

/** Changes shown per page of the history. */
const HISTORY_PAGE = 20;

function formValues(body: Record<string, unknown>): GlossaryFormValues {
  const text = (name: string) =>
    typeof body[name] === 'string' ? (body[name] as string).trim() : '';
  const translations: Partial<Record<LanguageCode, string>> = {};
  for (const code of LANGUAGE_CODES) {
    const value = text(`translation-${code}`);
    if (value) translations[code] = value;
  }
  return {
    source: text('source'),
    from: text('from'),
    translations,
    caseSensitive: body.caseSensitive === 'true',
  };
}

/** The form's error for a term {@link termSource} refuses: a NUL is named, not called a length. */
const termRefusal = (t: DeskEnv['Variables']['t'], refused: TermRefusal): FieldError => ({
  field: 'source',
  message: refused === 'nul' ? t('errors:field.nul-character') : t('desk:glossary.errors.source'),
});

const NUL = '\u0000';

/**
 * The form as it is shown again after an error: every NUL taken out, as its error says. A
 * browser shows a NUL in a field's value as U+FFFD and would send that back as text, which the
 * glossary would keep.
 */
function withoutNul(form: GlossaryFormValues): GlossaryFormValues {
  const clean = (text: string) => text.replaceAll(NUL, '');
  return {
    ...form,
    source: clean(form.source),
    from: clean(form.from),
    translations: Object.fromEntries(
      Object.entries(form.translations).map(([code, text]) => [code, clean(text)]),
    ),
  };
}

/**
 * `/desk/glossary`, for editor (and admin) sessions: the glossary page, its form adding or
 * changing a term (`POST /desk/glossary`) and removing one (`POST /desk/glossary/remove`),
 * through the same {@link glossaryChanges} as `/v1/glossary`, validated by the same schema.
 *
 * @example
 * desk.route('/glossary', deskGlossaryRoutes({ store, logger, publish }));
 */
export function deskGlossaryRoutes(deps: DeskGlossaryDeps): Hono<DeskEnv> {
  const { store } = deps;
  const changes = glossaryChanges(deps);
  const app = new Hono<DeskEnv>();
  const editor = requireDeskSession(['editor']);

  const render = async (
    c: Context<DeskEnv>,
    form: GlossaryFormValues,
    errors: readonly FieldError[],
    notice?: string,
    historyBefore?: number,
  ) => {
    const [{ version, terms }, keys, history] = await Promise.all([
      store.getGlossary(),
      store.listKeys(),
      store.glossaryHistory({ before: historyBefore, limit: HISTORY_PAGE }),
    ]);
    const { t } = c.var;
    return deskPage(c, {
      title: errors.length
        ? `${t('desk:errors.prefix')} ${t('desk:glossary.title')}`
        : t('desk:glossary.title'),
      current: 'glossary',
      status: errors.length ? 400 : 200,
      content: glossaryPage({
        t,
        language: c.var.language,
        csrfToken: c.var.csrfToken,
        version,
        terms,
        keys,
        form,
        errors,
        notice,
        history,
        historyBefore,
        languages: deps.languages,
      }),
    });
  };

  app.get('/', editor, async (c) => {
    const { t } = c.var;
    const editing = c.req.query('term');
    const done = c.req.query('done');
    const { terms } = await store.getGlossary();
    const term = editing ? terms.find((x) => x.source === editing) : undefined;
    const form: GlossaryFormValues = term
      ? {
          source: term.source,
          from: term.from ?? '',
          translations: term.translations ?? {},
          caseSensitive: term.caseSensitive,
        }
      : EMPTY_GLOSSARY_FORM;
    const notice =
      done === 'added' || done === 'changed' || done === 'removed'
        ? t(`desk:glossary.done.${done}`, {
            term: (c.req.query('source') ?? '').replaceAll(NUL, ''),
          })
        : undefined;
    const before = Number(c.req.query('before'));
    return render(c, form, [], notice, Number.isInteger(before) && before > 0 ? before : undefined);
  });

  app.post('/', editor, async (c) => {
    const { t } = c.var;
    const form = formValues(await c.req.parseBody());
    const errors: FieldError[] = [];
    const nul = (field: string): FieldError => ({
      field,
      message: t('desk:glossary.errors.nul'),
    });
    const term = termSource(form.source);
    if (!('source' in term)) {
      errors.push(term.refused === 'nul' ? nul('source') : termRefusal(t, term.refused));
    }
    for (const [code, text] of Object.entries(form.translations)) {
      if (text.includes(NUL)) errors.push(nul(`translation-${code}`));
    }
    const parsed = glossaryTermSchema.safeParse({
      ...(form.from ? { from: form.from } : {}),
      translations: form.translations,
      caseSensitive: form.caseSensitive,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [name, code] = issue.path;
        const error =
          name === 'translations' && typeof code === 'string'
            ? { field: `translation-${code}`, message: t('desk:glossary.errors.translation') }
            : { field: 'from', message: t('desk:glossary.errors.from') };
        // A translation's NUL is said once, as a NUL, not as a length.
        if (!errors.some((e) => e.field === error.field)) errors.push(error);
      }
    }
    if (!parsed.success || errors.length > 0) return render(c, withoutNul(form), errors);
    const translations = parsed.data.translations;
    const { created } = await changes.setTerm(
      {
        source: form.source,
        from: parsed.data.from,
        translations:
          translations && Object.keys(translations).length > 0 ? translations : undefined,
        caseSensitive: parsed.data.caseSensitive,
      },
      c.var.key.id,
    );
    const query = new URLSearchParams({ done: created ? 'added' : 'changed', source: form.source });
    return c.redirect(`/desk/glossary?${query}`, 303);
  });

  app.post('/remove', editor, async (c) => {
    const body = await c.req.parseBody();
    const term = termSource(typeof body.source === 'string' ? body.source : '');
    if (!('source' in term)) {
      return render(c, EMPTY_GLOSSARY_FORM, [termRefusal(c.var.t, term.refused)]);
    }
    const { source } = term;
    await changes.removeTerm(source, c.var.key.id);
    return c.redirect(`/desk/glossary?${new URLSearchParams({ done: 'removed', source })}`, 303);
  });

  return app;
}
