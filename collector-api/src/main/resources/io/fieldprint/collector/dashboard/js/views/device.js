// One device: identity with the evidence behind each field, findings, firmware history, and each
// advisory match with its explanation and (for admins) the triage control.
import {api} from '../api.js';
import {facts, h, replace, safeLink, table} from '../dom.js';
import {advisoryHref, siteHref} from '../links.js';
import {JUSTIFICATIONS, TRIAGE_STATES, cvss, kevBadge, timeEl, triageLabel} from '../format.js';

const IDENTITY = ['name', 'vendor', 'product', 'model', 'firmware', 'hardware', 'serial'];

export async function device(ctx, uid) {
  const path = '/assets/' + encodeURIComponent(uid);
  const [a, firmware] = await Promise.all([api(path), api(path + '/firmware')]);
  const admin = ctx.state.me && ctx.state.me.role === 'admin';
  replace(ctx.main,
    h('p', {class: 'crumbs'}, h('a', {href: siteHref(a.site, 'inventory')}, 'Inventory of ', a.site), ' › device'),
    h('h1', {}, a.name || a.model || a.id),
    facts([['Site', a.site], ['Asset id', a.id], ['Role', a.role], ['IP', (a.ip || []).join(', ')],
      ['MAC', (a.mac || []).join(', ')], ['Protocols', (a.protocols || []).join(', ')],
      ['First seen', timeEl(a.firstSeen)], ['Last seen', timeEl(a.lastSeen)]]),
    identity(a),
    matchesSection(ctx, a, admin),
    h('section', {'aria-labelledby': 'h-findings'},
      h('h2', {id: 'h-findings'}, 'Posture findings'),
      table('Findings', ['Rule', 'Severity', 'Title', 'Detail', 'Seen', 'Last seen'],
        a.findings.map((f) => [f.rule, f.severity, f.title, f.detail || '—', String(f.occurrences),
          timeEl(f.lastSeen)]), {id: 'findings'})),
    h('section', {'aria-labelledby': 'h-firmware'},
      h('h2', {id: 'h-firmware'}, 'Firmware history'),
      table('Firmware over time, oldest first', ['When', 'Firmware', 'Previous', 'Agent', 'Report'],
        firmware.items.map((c) => [timeEl(c.at), c.firmware || 'not reported', c.from || (c.from === null ? 'first report' : '—'),
          c.agent, c.reportId]), {id: 'firmware-history'})),
    h('section', {'aria-labelledby': 'h-evidence'},
      h('h2', {id: 'h-evidence'}, 'All evidence'),
      table('Evidence entries', ['Source', 'Origin', 'Observed', 'Received', 'Fields'],
        a.evidence.map((e) => [e.source, e.origin, timeEl(e.at), timeEl(e.receivedAt), rawFields(e.fields)]),
        {id: 'evidence'})));
}

function identity(a) {
  const rows = IDENTITY.map((field) => {
    const behind = a.evidence.filter((e) => e.fields && Object.prototype.hasOwnProperty.call(e.fields, field));
    return [h('th', {scope: 'row'}, field), a[field] ?? '—',
      behind.length ? h('ul', {class: 'plain'}, behind.map((e) => h('li', {},
        h('code', {}, e.source), ' from ', e.origin, ' at ', timeEl(e.at || e.receivedAt), ': ',
        h('code', {class: 'raw'}, JSON.stringify(e.fields[field]))))) : 'no evidence entry names this field'];
  });
  return h('section', {'aria-labelledby': 'h-identity'},
    h('h2', {id: 'h-identity'}, 'Identity and the evidence behind it'),
    h('table', {id: 'identity'},
      h('caption', {}, 'Each identity field with the evidence that reported it (source, time, raw value)'),
      h('thead', {}, h('tr', {}, ['Field', 'Value', 'Evidence'].map((x) => h('th', {scope: 'col'}, x)))),
      h('tbody', {}, rows.map(([th, value, ev]) => h('tr', {}, th, h('td', {}, value), h('td', {}, ev))))));
}

function rawFields(fields) {
  return h('code', {class: 'raw'}, JSON.stringify(fields));
}

function matchesSection(ctx, a, admin) {
  return h('section', {'aria-labelledby': 'h-matches'},
    h('h2', {id: 'h-matches'}, 'Advisory matches (', String(a.matches.length), ')'),
    a.matches.length ? a.matches.map((m, i) => match(ctx, a, m, i, admin)) : h('p', {}, 'No advisory matches this device.'));
}

function match(ctx, a, m, i, admin) {
  const x = m.explanation || {};
  const rule = x.versionRule || {};
  const conf = x.confidence || {};
  const fix = x.remediation || null;
  return h('article', {class: 'match', id: 'match-' + i, 'aria-labelledby': 'match-title-' + i},
    h('h3', {id: 'match-title-' + i}, h('a', {href: advisoryHref(m.advisoryId)}, m.advisoryId), ' ',
      x.title || '', ' ', kevBadge(m.kev)),
    facts([
      ['CVSS', cvss(m.cvss)],
      ['CVEs', (x.cves || []).join(', ') || '—'],
      ['Confidence', h('span', {class: 'confidence'}, m.confidence)],
      ['Why this confidence', conf.reason],
      ['Advisory product that matched', x.product],
      ['How the product matched', conf.match],
      ['Version rule', [rule.text || '—', rule.range ? ' (range ' + rule.range + ')' : '']],
      ['Device firmware against the rule', [rule.firmware || 'no firmware', ': ', rule.result || '—',
        rule.reason ? ' — ' + rule.reason : '']],
      ['Remediation', fix ? [fix.category || '', fix.details ? ': ' + fix.details : '', ' ',
        fix.url ? safeLink(fix.url, 'vendor link') : ''] : 'none given'],
      ['Fixed version', fix && fix.fixedVersion ? fix.fixedVersion : '—'],
      ['Triage', h('span', {class: 'triage-state', id: 'triage-current-' + i}, triageLabel(m.triage && m.triage.state),
        m.triage && m.triage.justification ? ' (' + (JUSTIFICATIONS[m.triage.justification] || m.triage.justification) + ')' : '',
        m.triage ? ' by ' + m.triage.by : '')],
    ]),
    admin ? triageForm(ctx, a, m, i) : h('p', {class: 'help'}, 'Triage needs the admin role.'));
}

function triageForm(ctx, a, m, i) {
  const id = (n) => 'triage-' + n + '-' + i;
  const current = m.triage || {};
  const state = h('select', {id: id('state'), name: 'state'},
    Object.entries(TRIAGE_STATES).map(([v, label]) => h('option', {value: v, selected: current.state === v}, label)));
  const justification = h('select', {id: id('justification'), name: 'justification'},
    h('option', {value: ''}, '(none)'),
    Object.entries(JUSTIFICATIONS).map(([v, label]) => h('option', {value: v, selected: current.justification === v}, label)));
  const note = h('textarea', {id: id('note'), name: 'note', rows: '2', maxlength: '2000'});
  note.value = current.note || '';
  const message = h('p', {id: id('message'), class: 'form-message', role: 'status'});
  const sync = () => {
    justification.required = state.value === 'not_affected';
  };
  state.addEventListener('change', sync);
  sync();
  const form = h('form', {class: 'triage', id: id('form')},
    h('fieldset', {},
      h('legend', {}, 'Triage ', m.advisoryId),
      h('div', {class: 'field'}, h('label', {for: id('state')}, 'State'), state),
      h('div', {class: 'field'}, h('label', {for: id('justification')}, 'Justification (needed for not affected)'), justification),
      h('div', {class: 'field wide'}, h('label', {for: id('note')}, 'Note'), note),
      h('button', {type: 'submit', id: id('save')}, 'Save triage'),
      message));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {state: state.value};
    if (justification.value) body.justification = justification.value;
    if (note.value.trim()) body.note = note.value.trim();
    try {
      await api('/sites/' + encodeURIComponent(a.site) + '/assets/' + encodeURIComponent(a.uid) +
        '/matches/' + encodeURIComponent(m.advisoryId) + '/triage', {method: 'PUT', body});
      const label = TRIAGE_STATES[body.state] + (body.justification ? ' (' + JUSTIFICATIONS[body.justification] + ')' : '');
      document.getElementById('triage-current-' + i).textContent = label + ' by you';
      message.textContent = 'Saved: ' + label + '. The change is recorded in the audit log.';
      message.className = 'form-message ok';
    } catch (err) {
      message.textContent = 'Not saved: ' + err.message;
      message.className = 'form-message error';
    }
  });
  return form;
}
