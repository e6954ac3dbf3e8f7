// The inventory table: search, filters, sort and paging, all done by the collector's SQL; the
// filter state lives in the URL so a view can be bookmarked and shared.
import {api, query} from '../api.js';
import {h, replace} from '../dom.js';
import {assetHref, siteHref} from '../links.js';
import {cvss, kevBadge, when} from '../format.js';

const PAGE = 50;
const ROLES = ['plc', 'io', 'switch', 'router', 'gateway', 'hmi', 'drive', 'server', 'client',
  'engineering', 'unknown'];
const FILTERS = ['q', 'vendor', 'role', 'protocol', 'hasMatch', 'kev', 'finding'];
const COLUMNS = [
  ['name', 'Name'], ['vendor', 'Vendor'], ['model', 'Model'], ['firmware', 'Firmware'],
  ['role', 'Role'], [null, 'IP'], [null, 'Protocols'], [null, 'Advisories'], [null, 'Findings'],
  ['lastSeen', 'Last seen'],
];

export async function inventory(ctx, site) {
  const p = ctx.params;
  const current = Object.fromEntries(FILTERS.map((k) => [k, p.get(k) || '']));
  const sort = p.get('sort') || 'name';
  const offset = Math.max(0, parseInt(p.get('offset') || '0', 10) || 0);
  const page = await api('/sites/' + encodeURIComponent(site) + '/assets' +
    query({...current, sort, limit: PAGE, offset}));
  const to = (changes) => siteHref(site, 'inventory', {...current, sort, offset, ...changes});

  const form = filterForm(current, (values) => ctx.go(siteHref(site, 'inventory', {...values, sort})));
  const first = page.total === 0 ? 0 : offset + 1;
  const last = offset + page.items.length;
  replace(ctx.main,
    h('h1', {}, 'Inventory of ', site),
    form,
    h('p', {id: 'result-count', 'aria-live': 'polite'},
      `Showing ${first}–${last} of ${page.total} devices`),
    h('table', {id: 'inventory', class: 'inventory'},
      h('caption', {}, 'Devices (sorted by ', sort.replace(/^-/, ''), sort.startsWith('-') ? ', descending)' : ')'),
      h('thead', {}, h('tr', {}, COLUMNS.map(([key, label]) => header(key, label, sort, to)))),
      h('tbody', {}, page.items.length ? page.items.map(row)
        : h('tr', {}, h('td', {colspan: COLUMNS.length, class: 'empty'}, 'No device matches these filters')))),
    h('nav', {class: 'pager', 'aria-label': 'Pages'},
      offset > 0 ? h('a', {href: to({offset: Math.max(0, offset - PAGE)}), id: 'prev-page'}, '← Previous') : null,
      last < page.total ? h('a', {href: to({offset: offset + PAGE}), id: 'next-page'}, 'Next →') : null));
}

function header(key, label, sort, to) {
  if (!key) return h('th', {scope: 'col'}, label);
  const active = sort.replace(/^-/, '') === key;
  const descending = active && sort.startsWith('-');
  const next = active && !descending ? '-' + key : key;
  return h('th', {scope: 'col', 'aria-sort': active ? (descending ? 'descending' : 'ascending') : 'none'},
    h('a', {href: to({sort: next, offset: 0}), class: 'sort', id: 'sort-' + key},
      label, active ? (descending ? ' ▼' : ' ▲') : ''));
}

function row(a) {
  const s = a.summary || {};
  return h('tr', {},
    h('td', {}, h('a', {href: assetHref(a.uid), class: 'asset-link'}, a.name || a.model || a.id)),
    h('td', {}, a.vendor || '—'),
    h('td', {}, a.model || '—'),
    h('td', {}, a.firmware || '—'),
    h('td', {}, a.role),
    h('td', {}, (a.ip || []).join(', ') || '—'),
    h('td', {}, (a.protocols || []).join(', ') || '—'),
    h('td', {}, s.matches ? [String(s.matches), ' ', cvss(s.maxCvss), ' ', kevBadge(s.kev)] : '0'),
    h('td', {}, String(s.findings || 0)),
    h('td', {}, h('time', {datetime: a.lastSeen}, when(a.lastSeen))));
}

function filterForm(current, submit) {
  const field = (id, label, input) => h('div', {class: 'field'}, h('label', {for: 'f-' + id}, label), input);
  const text = (id, placeholder) => h('input', {id: 'f-' + id, name: id, type: 'search', value: current[id],
    placeholder});
  const select = (id, options) => h('select', {id: 'f-' + id, name: id},
    options.map(([value, label]) => h('option', {value, selected: current[id] === value}, label)));
  const form = h('form', {class: 'filters', role: 'search', 'aria-label': 'Filter devices'},
    field('q', 'Search', text('q', 'name, vendor, model, IP, serial')),
    field('vendor', 'Vendor', text('vendor', 'exact, any case')),
    field('role', 'Role', select('role', [['', 'Any'], ...ROLES.map((r) => [r, r])])),
    field('protocol', 'Protocol', text('protocol', 'e.g. s7comm')),
    field('hasMatch', 'Advisory match', select('hasMatch', [['', 'Any'], ['true', 'Has a match'],
      ['false', 'No match']])),
    field('finding', 'Finding', text('finding', 'rule id, or any')),
    h('div', {class: 'field check'},
      h('input', {id: 'f-kev', name: 'kev', type: 'checkbox', value: 'true', checked: current.kev === 'true'}),
      h('label', {for: 'f-kev'}, 'Only KEV')),
    h('div', {class: 'actions'},
      h('button', {type: 'submit', id: 'apply-filters'}, 'Apply'),
      h('button', {type: 'reset', id: 'clear-filters'}, 'Clear')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    submit(Object.fromEntries(FILTERS.map((k) => [k, data.get(k) || ''])));
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    submit({});
  });
  return form;
}
