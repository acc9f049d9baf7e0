import type { Page } from 'playwright-core';

/** Where {@link tabTo} should stop: an element matching `selector`, with `text` if given. */
export interface TabTarget {
  /** A CSS selector the focused element must match. */
  readonly selector: string;
  /** Text the focused element's accessible text (aria-label, else its text) must equal. */
  readonly text?: string;
  /** Shift+Tab instead of Tab. */
  readonly back?: boolean;
  /** Presses before giving up; 80 when absent. */
  readonly max?: number;
}

/**
 * Moves the focus with the Tab key alone, as a keyboard user does, until it is on the target;
 * resolves with how many presses it took, or throws with every element it passed through.
 *
 * @example
 * await tabTo(page, { selector: '#key' });
 * await tabTo(page, { selector: 'button', text: 'Link', back: true });
 */
export async function tabTo(page: Page, target: TabTarget): Promise<number> {
  const passed: string[] = [];
  for (let presses = 1; presses <= (target.max ?? 80); presses++) {
    await page.keyboard.press(target.back ? 'Shift+Tab' : 'Tab');
    // A string, evaluated in the page: this package is compiled without the DOM's types.
    const focused = (await page.evaluate(`(() => {
      const active = document.activeElement;
      if (!active) return { hit: false, what: '(nothing)' };
      const said = (active.getAttribute('aria-label') ?? active.textContent ?? '').trim();
      const text = ${JSON.stringify(target.text ?? null)};
      const hit = active.matches(${JSON.stringify(target.selector)}) && (text === null || said === text);
      return { hit, what: active.tagName.toLowerCase() + ' "' + said.slice(0, 40) + '"' };
    })()`)) as { hit: boolean; what: string };
    passed.push(focused.what);
    if (focused.hit) return presses;
  }
  throw new Error(
    `Tab never reached ${target.selector} ${target.text ?? ''}; it passed ${passed.join(', ')}`,
  );
}
