/**
 * The article page's one script, served from `/desk/assets/article-editor.js` (the CSP allows
 * scripts from the desk only): it turns each block's text area of the correction form into a
 * small rich-text editor (a contenteditable with buttons for emphasis, strong, code, a link and
 * a line break) and writes the block's HTML back into its text area as the editor types, so
 * the form posts exactly what it posts without JavaScript. What it shows is rebuilt from an
 * allow-list (text, `a[href]`, `em`, `strong`, `code`, `br`; anything else becomes its text),
 * so nothing a draft contains runs; the server cleans the result again on saving. A block that
 * is not one paragraph, heading, quote or list item keeps its text area.
 *
 * @example
 * desk.get('/assets/article-editor.js', (c) => c.body(ARTICLE_EDITOR_SCRIPT, 200, { 'content-type': 'text/javascript' }));
 */
export const ARTICLE_EDITOR_SCRIPT = `(() => {
  'use strict';
  const form = document.querySelector('form.desk-edit-form');
  if (!form) return;
  const labels = form.dataset;
  const KEEP = { A: 'a', EM: 'em', I: 'em', STRONG: 'strong', B: 'strong', CODE: 'code', BR: 'br' };
  const clean = (from, to) => {
    for (const node of Array.from(from.childNodes)) {
      if (node.nodeType === 3) { to.appendChild(document.createTextNode(node.data)); continue; }
      if (node.nodeType !== 1) continue;
      const tag = KEEP[node.tagName];
      if (!tag) { clean(node, to); continue; }
      const copy = document.createElement(tag);
      if (tag === 'a') {
        const href = node.getAttribute('href') || '';
        if (!/^(https?:|mailto:)/i.test(href)) { clean(node, to); continue; }
        copy.setAttribute('href', href);
      }
      to.appendChild(copy);
      if (tag !== 'br') clean(node, copy);
    }
    return to;
  };
  const parse = (html) => new DOMParser().parseFromString('<body>' + html, 'text/html').body;
  for (const area of document.querySelectorAll('textarea[form="' + form.id + '"][name^="block-"]')) {
    const source = parse(area.value);
    const block = source.firstElementChild;
    const tag = block ? block.tagName.toLowerCase() : 'p';
    if (area.value.trim() && (!block || source.children.length !== 1 || !/^(p|h[2-6]|blockquote|li)$/.test(tag))) continue;
    const label = document.querySelector('label[for="' + area.id + '"]');
    const editor = document.createElement('div');
    editor.className = 'desk-rich-text';
    editor.contentEditable = 'true';
    editor.setAttribute('role', 'textbox');
    editor.setAttribute('aria-multiline', 'true');
    editor.setAttribute('aria-label', label ? label.textContent : area.name);
    editor.setAttribute('lang', area.closest('[lang]') ? area.closest('[lang]').getAttribute('lang') : '');
    clean(block || source, editor);
    const sync = () => {
      const inner = clean(editor, document.createElement('div')).innerHTML;
      area.value = editor.textContent.trim() ? '<' + tag + '>' + inner + '</' + tag + '>' : '';
    };
    const selection = () => {
      const s = getSelection();
      return s && s.rangeCount && editor.contains(s.getRangeAt(0).commonAncestorContainer) ? s.getRangeAt(0) : null;
    };
    const put = (node) => {
      const range = selection();
      if (!range) return;
      if (node.nodeName !== 'BR') node.appendChild(range.extractContents());
      range.insertNode(node);
      range.setStartAfter(node);
      sync();
      editor.focus();
    };
    const bar = document.createElement('div');
    bar.className = 'desk-rich-bar';
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', (labels.toolbar || '') + ': ' + editor.getAttribute('aria-label'));
    const button = (name, make) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'secondary';
      b.textContent = labels[name] || name;
      b.addEventListener('mousedown', (e) => e.preventDefault());
      b.addEventListener('click', () => { const node = make(); if (node) put(node); });
      bar.appendChild(b);
    };
    button('em', () => document.createElement('em'));
    button('strong', () => document.createElement('strong'));
    button('code', () => document.createElement('code'));
    button('link', () => {
      const href = prompt(labels.linkPrompt || 'URL', 'https://');
      if (!href || !/^(https?:|mailto:)/i.test(href.trim())) return null;
      const a = document.createElement('a');
      a.setAttribute('href', href.trim());
      return a;
    });
    button('br', () => document.createElement('br'));
    editor.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') { e.preventDefault(); put(document.createElement('br')); }
    });
    editor.addEventListener('input', sync);
    editor.addEventListener('paste', (e) => {
      e.preventDefault();
      const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
      put(document.createTextNode(text));
      const range = selection();
      if (range) range.collapse(false);
    });
    area.hidden = true;
    if (label) label.hidden = true;
    area.after(bar, editor);
  }
})();
`;
