// A site's overview: devices by role and vendor, matched devices by severity (KEV first), posture
// findings, agents and when they last reported, recent alerts.
import {api} from '../api.js';
import {h, replace, table} from '../dom.js';
import {assetHref, advisoryHref, siteHref} from '../links.js';
import {cvss, kevBadge, sevBadge, timeEl} from '../format.js';

export async function overview(ctx, site) {
  const o = await api('/sites/' + encodeURIComponent(site) + '/overview');
  const inv = (params) => siteHref(site, 'inventory', params);
  replace(ctx.main,
    h('h1', {}, 'Overview of ', site),
    h('div', {class: 'cards'},
      card('Devices', o.assets, inv({}), 'count-devices'),
      card('Devices with matched advisories', o.matches.devices, inv({hasMatch: 'true'}), 'count-matched'),
      card('On KEV', o.matches.kevDevices, inv({kev: 'true'}), 'count-kev'),
      card('Unacknowledged alerts', o.openAlerts, siteHref(site, 'alerts'), 'count-alerts')),
    h('div', {class: 'grid'},
      h('section', {'aria-labelledby': 'h-roles'},
        h('h2', {id: 'h-roles'}, 'Devices by role'),
        table('Devices by role', ['Role', 'Devices'],
          o.byRole.map((r) => [h('a', {href: inv({role: r.role})}, r.role), String(r.count)]), {id: 'by-role'})),
      h('section', {'aria-labelledby': 'h-vendors'},
        h('h2', {id: 'h-vendors'}, 'Top vendors'),
        table('Devices by vendor', ['Vendor', 'Devices'],
          o.topVendors.map((v) => [v.vendor ? h('a', {href: inv({vendor: v.vendor})}, v.vendor) : 'Unknown',
            String(v.count)]), {id: 'by-vendor'}))),
    h('section', {'aria-labelledby': 'h-matched'},
      h('h2', {id: 'h-matched'}, 'Devices with open advisory matches'),
      h('p', {class: 'help'}, 'Matches triaged as not affected or fixed are not counted. ',
        'A device counts under the severity of its highest-scored match.'),
      table('Matched devices by severity', ['Severity', 'Devices', 'Of which on KEV'],
        o.matches.bySeverity.map((s) => [sevBadge(s.severity), String(s.devices),
          String(s.kevDevices)]), {id: 'by-severity'}),
      table('Devices to look at first (KEV first, then highest score)',
        ['Device', 'Vendor', 'Model', 'Firmware', 'Advisories', 'Highest CVSS', 'KEV'],
        o.matches.topDevices.map((d) => [h('a', {href: assetHref(d.uid)}, d.name || d.model || d.uid),
          d.vendor || '—', d.model || '—', d.firmware || '—', String(d.advisories), cvss(d.maxCvss),
          kevBadge(d.kev)]), {id: 'top-devices'})),
    h('section', {'aria-labelledby': 'h-findings'},
      h('h2', {id: 'h-findings'}, 'Posture findings'),
      table('Findings by severity', ['Severity', 'Findings', 'Devices'],
        o.findings.bySeverity.map((f) => [sevBadge(f.severity), String(f.findings),
          String(f.devices)])),
      table('Most frequent findings', ['Rule', 'Severity', 'Title', 'Devices'],
        o.findings.topRules.map((r) => [h('a', {href: inv({finding: r.rule})}, r.rule),
          sevBadge(r.severity), r.title, String(r.devices)]))),
    h('section', {'aria-labelledby': 'h-agents'},
      h('h2', {id: 'h-agents'}, 'Agents'),
      table('Agents and when they last reported', ['Agent', 'Version', 'Last report'],
        o.agents.map((a) => [a.name, a.version || '—', a.lastSeen ? timeEl(a.lastSeen) : 'never']),
        {id: 'agents'})),
    h('section', {'aria-labelledby': 'h-alerts'},
      h('h2', {id: 'h-alerts'}, 'Recent alerts'),
      table('Recent alerts', ['Created', 'Advisory', 'Device', 'Kind', 'Acknowledged'],
        o.recentAlerts.map((a) => [timeEl(a.createdAt),
          h('a', {href: advisoryHref(a.advisoryId)}, a.advisoryId),
          h('a', {href: assetHref(a.asset)}, a.asset), a.kind, a.ackedAt ? 'yes' : 'no'])),
      h('p', {}, h('a', {href: siteHref(site, 'alerts')}, 'All alerts of ', site))));
}

function card(label, value, href, id) {
  return h('a', {class: 'card', href, id},
    h('span', {class: 'card-value'}, String(value)),
    h('span', {class: 'card-label'}, label));
}
