import { mkdirSync, rmSync } from 'node:fs';
import { type ServerType, serve } from '@hono/node-server';
import { launchChromium } from '@tidings/api/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** What a browser test needs: an app served on a port, Chromium, and a place for screenshots. */
export interface BrowserSessionOptions {
  /** Where the screenshots go (never committed: test-results/ is in .gitignore). */
  readonly shots: string;
  /** Empty `shots` first, so that only this run's screenshots are there. */
  readonly emptyShots?: boolean;
  /** The viewport width of a context when none is given; 900 pixels high. */
  readonly width?: number;
}

/** An app served over real HTTP and a real Chromium looking at it. */
export interface BrowserSession {
  /** The served app's origin, `http://127.0.0.1:PORT`, once `open` has resolved. */
  readonly base: string;
  /** The screenshot directory. */
  readonly shots: string;
  /** Serves `fetch` on 127.0.0.1:`port`, prepares the screenshot directory and launches Chromium. */
  open(fetch: (request: Request) => Response | Promise<Response>, port: number): Promise<void>;
  /** A fresh browser context (its own cookies) that bypasses the CSP, so axe-core can be injected. */
  context(width?: number): Promise<BrowserContext>;
  /** A page in a fresh context (see `context`). */
  page(width?: number): Promise<Page>;
  /** Saves a full-page screenshot as `shots`/`name`.png. */
  screenshot(page: Page, name: string): Promise<void>;
  /** Closes every context, the browser and the server; safe when `open` never finished. */
  close(): Promise<void>;
}

/**
 * The shared setup of the browser tests. Pair it with `chromiumAvailable` from
 * `@tidings/api/testing`, which skips the tests with a warning when Chromium is missing (and
 * fails in CI), since `open` launches Chromium through `launchChromium`.
 *
 * @example
 * const session = browserSession({ shots: 'test-results/desk' });
 * beforeAll(() => session.open(h.app.fetch, port));
 * afterAll(() => session.close());
 * const page = await session.page(375);
 */
export function browserSession(options: BrowserSessionOptions): BrowserSession {
  let server: ServerType | undefined;
  let browser: Browser | undefined;
  let base = '';
  const contexts: BrowserContext[] = [];
  const session: BrowserSession = {
    get base() {
      return base;
    },
    shots: options.shots,
    async open(fetch, port) {
      if (options.emptyShots) rmSync(options.shots, { recursive: true, force: true });
      mkdirSync(options.shots, { recursive: true });
      base = `http://127.0.0.1:${port}`;
      server = serve({ fetch, port, hostname: '127.0.0.1' });
      browser = await launchChromium();
    },
    async context(width = options.width ?? 1100) {
      if (!browser) throw new Error('browserSession: open() it before asking for a context');
      const context = await browser.newContext({
        bypassCSP: true,
        viewport: { width, height: 900 },
      });
      contexts.push(context);
      return context;
    },
    async page(width) {
      return (await session.context(width)).newPage();
    },
    async screenshot(page, name) {
      await page.screenshot({ path: `${options.shots}/${name}.png`, fullPage: true });
    },
    async close() {
      for (const context of contexts.splice(0)) await context.close();
      await browser?.close();
      const open = server;
      server = undefined;
      await new Promise<void>((resolve) => (open ? open.close(() => resolve()) : resolve()));
    },
  };
  return session;
}
