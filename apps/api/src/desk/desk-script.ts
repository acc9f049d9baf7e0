/**
 * The desk's only script, served from `/desk/assets/desk.js`; every page works without it.
 * It moves focus to an error summary, and keeps a queue (`[data-live-queue]`) current: every
 * `data-poll-ms` it fetches the same page with the queue's `data-version` as `If-None-Match`
 * (a 304 while nothing changed), and when the queue's `data-version` differs it swaps the new
 * queue in and says so in the page's status region; a signed-out or failing
 * fetch stops it quietly (a reload still works).
 *
 * @example
 * desk.get('/assets/desk.js', (c) => c.body(DESK_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
 */
export const DESK_SCRIPT = `(() => {
  'use strict';
  const summary = document.querySelector('[data-autofocus]');
  if (summary) summary.focus();
  const queue = document.querySelector('[data-live-queue]');
  if (!queue || !window.fetch || !window.DOMParser) return;
  const every = Number(queue.getAttribute('data-poll-ms')) || 5000;
  const status = document.getElementById('queue-status');
  let timer;
  async function poll() {
    try {
      const shown = document.querySelector('[data-live-queue]');
      if (!shown) return;
      const seen = 'W/"' + shown.getAttribute('data-version') + '"';
      const res = await fetch(location.href, { credentials: 'same-origin', headers: { accept: 'text/html', 'if-none-match': seen } });
      if (res.status === 304) { timer = setTimeout(poll, every); return; }
      if (!res.ok || res.redirected) return;
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const fresh = doc.querySelector('[data-live-queue]');
      const current = document.querySelector('[data-live-queue]');
      if (!fresh || !current) return;
      if (fresh.getAttribute('data-version') !== current.getAttribute('data-version')) {
        const focused = document.activeElement && document.activeElement.id;
        current.replaceWith(document.importNode(fresh, true));
        if (focused) { const again = document.getElementById(focused); if (again) again.focus(); }
        if (status) status.textContent = status.getAttribute('data-updated') || '';
      }
      timer = setTimeout(poll, every);
    } catch {
      timer = setTimeout(poll, every * 4);
    }
  }
  timer = setTimeout(poll, every);
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) { clearTimeout(timer); } else { clearTimeout(timer); timer = setTimeout(poll, 250); }
  });
})();
`;
