// One advisory: summary, CVEs with scores, KEV and remediations, and every device of the person's
// sites it affects.
import {api} from '../api.js';
import {facts, h, replace, safeLink, table} from '../dom.js';
import {assetHref} from '../links.js';
import {cvss, kevBadge, timeEl, triageLabel} from '../format.js';

export async function advisory(ctx, id) {
  const d = await api('/advisories/' + encodeURIComponent(id));
  replace(ctx.main,
    h('h1', {}, d.trackingId, ': ', d.title || ''),
    facts([['Publisher', d.publisher], ['Version', d.version], ['TLP', d.tlp || '—'],
      ['First released', timeEl(d.initialReleaseDate)], ['This release', timeEl(d.currentReleaseDate)]]),
    h('section', {'aria-labelledby': 'h-summary'},
      h('h2', {id: 'h-summary'}, 'Summary'),
      h('p', {class: 'summary', id: 'advisory-summary'}, d.summary || 'The advisory gives no summary.')),
    h('section', {'aria-labelledby': 'h-cves'},
      h('h2', {id: 'h-cves'}, 'Vulnerabilities'),
      table('CVEs, scores and remediations', ['CVE', 'Title', 'CVSS', 'Vector', 'KEV', 'Remediations'],
        d.vulnerabilities.map((v) => [v.cve || '—', v.title || '—', cvss(v.cvss), v.vector || '—',
          kevBadge(v.kev) || 'no',
          v.remediations.length ? h('ul', {class: 'plain'}, v.remediations.map((r) =>
            h('li', {}, r.category, r.details ? ': ' + r.details : '', r.url ? [' ', safeLink(r.url, 'link')] : ''))) : '—']),
        {id: 'cves'})),
    h('section', {'aria-labelledby': 'h-affected'},
      h('h2', {id: 'h-affected'}, 'Affected devices in your sites (', String(d.affected.length), ')'),
      table('Devices this advisory matches', ['Device', 'Site', 'Vendor', 'Model', 'Firmware', 'Confidence', 'CVSS', 'Triage'],
        d.affected.map((a) => [h('a', {href: assetHref(a.uid)}, a.name || a.model || a.uid), a.site,
          a.vendor || '—', a.model || '—', a.firmware || '—', a.confidence, cvss(a.cvss), triageLabel(a.triage)]),
        {id: 'affected'})),
    d.references.length ? h('section', {'aria-labelledby': 'h-refs'},
      h('h2', {id: 'h-refs'}, 'References'),
      h('ul', {}, d.references.map((r) => h('li', {}, safeLink(r.url, r.summary || r.url))))) : null);
}
