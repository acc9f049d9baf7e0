/**
 * The article page's one script, served from `/desk/assets/article-editor.js` (the CSP allows
 * scripts from the desk only): it turns each block's text area of the correction form into a
 * small rich-text editor (a contenteditable with buttons for emphasis, strong, code, a link and
 * a line break) and writes the block's HTML back into its text area as the editor types, so
 * the form posts exactly what it posts without JavaScript. Styles pressed with nothing
 * selected apply, several at once, to what is typed next (pressed at the end of text in a
 * style, what follows is outside it), a link on nothing selected shows its address, and an
 * element left with nothing in it is never written back. What it shows is rebuilt from an
 * allow-list (text, `a[href]`, `em`, `strong`, `code`, `br`; anything else becomes its text),
 * so nothing a draft contains runs; the server cleans the result again on saving. A block that
 * is not one paragraph, heading, quote or list item, or whose markup that rebuild would change
 * (any other element or attribute, on the block or inside it), keeps its text area, so nothing
 * is dropped from it silently.
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
      if (tag !== 'br') clean(node, copy);
      // An element with nothing in it (a button pressed on an empty selection) shows nothing.
      if (tag === 'br' || copy.hasChildNodes()) to.appendChild(copy);
    }
    return to;
  };
  const parse = (html) => new DOMParser().parseFromString('<body>' + html, 'text/html').body;
  for (const area of document.querySelectorAll('textarea[form="' + form.id + '"][name^="block-"]')) {
    const source = parse(area.value);
    const block = source.firstElementChild;
    const tag = block ? block.tagName.toLowerCase() : 'p';
    if (area.value.trim() && (!block || source.children.length !== 1 || !/^(p|h[2-6]|blockquote|li)$/.test(tag))) continue;
    // The editor writes back only what the allow-list keeps: a block with anything more (a
    // <sup>, <abbr>, <span lang>, an image, a lang or dir on the block itself, a comment)
    // keeps its text area, the HTML source, so saving never drops it silently. A link's rel
    // is not lost: the server sets it on every link when it saves.
    if (block) {
      const kept = block.cloneNode(true);
      for (const a of kept.querySelectorAll('a[rel]')) a.removeAttribute('rel');
      if (kept.attributes.length || clean(kept, document.createElement('div')).innerHTML !== kept.innerHTML) continue;
    }
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
    const caret = (node, offset) => {
      const range = document.createRange();
      range.setStart(node, offset);
      const s = getSelection();
      s.removeAllRanges();
      s.addRange(range);
    };
    // Styles chosen with nothing selected: they apply to what is typed next, as in any rich-text
    // editor, several at once (nested in the order pressed); pressed at the end of text in a
    // style, what follows leaves that style (and keeps the ones inside it not pressed). They are
    // dropped when the caret moves; pressing one again takes it back.
    let pending = null;
    const toggle = (list, item) =>
      list.includes(item) ? list.filter((x) => x !== item) : list.concat([item]);
    const pend = (change) => {
      const next = change ? change(pending || { enter: [], leave: [] }) : null;
      pending = next && (next.enter.length || next.leave.length) ? next : null;
      for (const b of bar.querySelectorAll('button[data-style]'))
        b.setAttribute('aria-pressed', String(!!pending && pending.enter.includes(b.dataset.style)));
    };
    const within = (range, name) => {
      for (let n = range.startContainer; n && n !== editor; n = n.parentNode)
        if (n.nodeName === name) return n;
      return null;
    };
    const atEnd = (range, element) => {
      const rest = document.createRange();
      rest.selectNodeContents(element);
      rest.setStart(range.endContainer, range.endOffset);
      return rest.toString() === '';
    };
    const put = (node) => {
      const range = selection();
      if (!range) return;
      if (node.nodeName !== 'BR' && !node.hasChildNodes()) {
        if (range.collapsed && node.nodeName !== 'A') {
          // Nothing selected: the style waits for the text typed next.
          const inStyle = within(range, node.nodeName);
          const tag = node.nodeName.toLowerCase();
          if (!inStyle) pend((p) => ({ enter: toggle(p.enter, tag), leave: p.leave }));
          else if (atEnd(range, inStyle)) pend((p) => ({ enter: p.enter, leave: toggle(p.leave, inStyle) }));
          editor.focus();
          return;
        }
        // A link on nothing selected shows its address.
        if (range.collapsed) node.textContent = node.getAttribute('href');
        else node.appendChild(range.extractContents());
      }
      if (!node.textContent && node.nodeName !== 'BR' && !node.querySelector('br')) return;
      range.insertNode(node);
      range.setStartAfter(node);
      sync();
      editor.focus();
    };
    const bar = document.createElement('div');
    bar.className = 'desk-rich-bar';
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', (labels.toolbar || '') + ': ' + editor.getAttribute('aria-label'));
    const button = (name, make, style) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'secondary';
      if (style) { b.dataset.style = style; b.setAttribute('aria-pressed', 'false'); }
      b.textContent = labels[name] || name;
      b.addEventListener('mousedown', (e) => e.preventDefault());
      b.addEventListener('click', () => { const node = make(); if (node) put(node); });
      bar.appendChild(b);
    };
    button('em', () => document.createElement('em'), 'em');
    button('strong', () => document.createElement('strong'), 'strong');
    button('code', () => document.createElement('code'), 'code');
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
    editor.addEventListener('beforeinput', (e) => {
      const range = selection();
      if (!pending || !range || !range.collapsed || e.inputType !== 'insertText' || !e.data) return;
      e.preventDefault();
      const text = document.createTextNode(e.data);
      // Left styles: the text goes after the outermost, in copies of the ones between the
      // caret and it that were not left; then in the styles entered, the first pressed outermost.
      let outer = null;
      for (let n = range.startContainer; n && n !== editor; n = n.parentNode)
        if (pending.leave.includes(n)) outer = n;
      const wraps = [];
      if (outer)
        for (let n = range.startContainer; n !== outer; n = n.parentNode)
          if (n.nodeType === 1 && !pending.leave.includes(n)) wraps.unshift(n.cloneNode(false));
      for (const tag of pending.enter) wraps.push(document.createElement(tag));
      let node = text;
      for (const wrap of wraps.reverse()) { wrap.appendChild(node); node = wrap; }
      if (outer) outer.after(node);
      else range.insertNode(node);
      pend(null);
      caret(text, e.data.length);
      sync();
    });
    for (const leave of ['mousedown', 'blur']) editor.addEventListener(leave, () => { if (pending) pend(null); });
    editor.addEventListener('keydown', (e) => {
      if (pending && /^(Arrow|Home|End|Page)/.test(e.key)) pend(null);
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
