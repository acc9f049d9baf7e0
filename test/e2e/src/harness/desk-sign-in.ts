import type { Page } from 'playwright-core';

/**
 * Signs into the editor's desk at `base` with an API key, as a person does: the desk sends an
 * unsigned browser to its sign-in form, and back to the queue once the key is accepted.
 *
 * @example
 * const page = await session.page();
 * await deskSignIn(page, session.base, h.keys.editor);
 */
export async function deskSignIn(page: Page, base: string, key: string): Promise<void> {
  await page.goto(`${base}/desk/`);
  await page.waitForURL(/\/desk\/sign-in/);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/desk/`);
}
