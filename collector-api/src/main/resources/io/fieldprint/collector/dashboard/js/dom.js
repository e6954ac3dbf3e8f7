// Element building without HTML parsing: every string becomes a text node, so values from the API
// are never interpreted as markup.

/** h('a', {href: '#/x', class: 'c'}, 'text', child) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) {
      append(el, child);
    } else if (child instanceof Node) {
      el.appendChild(child);
    } else {
      el.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Replaces the content of el. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/** A table: caption, header labels, rows of cells (strings or nodes). */
export function table(caption, headers, rows, attrs = {}) {
  return h('table', attrs,
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((x) => (x instanceof Node ? x : h('th', {scope: 'col'}, x))))),
    h('tbody', {}, rows.length
      ? rows.map((cells) => h('tr', {}, cells.map((c) => h('td', {}, c))))
      : h('tr', {}, h('td', {colspan: headers.length, class: 'empty'}, 'None'))));
}

/** A definition list from [term, value] pairs. */
export function facts(pairs) {
  return h('dl', {class: 'facts'}, pairs.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? '—')]));
}

/** A link only for http(s) URLs; anything else is shown as text. */
export function safeLink(url, text) {
  if (typeof url === 'string' && /^https?:\/\//i.test(url)) {
    return h('a', {href: url, rel: 'noopener noreferrer'}, text || url);
  }
  return url ? String(url) : '—';
}
