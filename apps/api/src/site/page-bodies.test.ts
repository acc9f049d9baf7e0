import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { OFF_THREAD_CHARS, PageBodies } from './page-bodies.ts';
import { PageBodySanitizer } from './page-body-sanitizer.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tidings-page-bodies-'));
const opened: PageBodies[] = [];
afterAll(async () => {
  await Promise.all(opened.map((b) => b.close()));
  rmSync(scratch, { recursive: true, force: true });
});

const paragraph = '<p>Ministers met in <b>Riga</b> <script>alert(1)</script>today.</p>';
const long = paragraph.repeat(Math.ceil(OFF_THREAD_CHARS / paragraph.length) + 1);

describe('PageBodies', () => {
  it('sanitizes a long body on its thread, and keeps it', async () => {
    const bodies = new PageBodies();
    opened.push(bodies);
    const first = await bodies.of('en', 'a1', { body: long, summary: '' });
    expect(first.html).not.toContain('<script');
    expect(first.html).toContain('<p>Ministers met in <b>Riga</b> today.</p>');
    expect(first.description).toMatch(/^Ministers met in Riga today\. Ministers/);
    expect(await bodies.of('en', 'a1', { body: long, summary: '' })).toEqual(first);
    expect([bodies.renders, bodies.rendersOffThread]).toEqual([1, 1]);
  });

  it('still serves a long body, sanitized on the event loop, when its thread cannot start', async () => {
    const broken = join(scratch, 'broken-thread.mjs');
    writeFileSync(broken, "throw new Error('no thread today');\n");
    const bodies = new PageBodies({
      sanitizer: new PageBodySanitizer({ entry: pathToFileURL(broken) }),
    });
    opened.push(bodies);
    const shown = await bodies.of('en', 'a1', { body: long, summary: 'Ministers in Riga' });
    expect(shown.html).not.toContain('<script');
    expect(shown.html).toContain('<p>Ministers met in <b>Riga</b> today.</p>');
    expect(shown.description).toBe('Ministers in Riga');
    expect([bodies.renders, bodies.rendersOffThread]).toEqual([1, 0]);
  });
});
