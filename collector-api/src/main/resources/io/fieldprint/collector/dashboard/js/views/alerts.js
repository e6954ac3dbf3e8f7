// A site's alerts, newest first, each with its acknowledge button.
import {api, query} from '../api.js';
import {h, replace} from '../dom.js';
import {advisoryHref, assetHref, siteHref} from '../links.js';
import {cvss, timeEl} from '../format.js';

const PAGE = 100;

export async function alerts(ctx, site) {
  const offset = Math.max(0, parseInt(ctx.params.get('offset') || '0', 10) || 0);
  const list = (await api('/alerts' + query({site, limit: PAGE, offset}))).items;
  replace(ctx.main,
    h('h1', {}, 'Alerts of ', site),
    h('table', {id: 'alerts'},
      h('caption', {}, 'Alerts, newest first'),
      h('thead', {}, h('tr', {}, ['Created', 'Advisory', 'Device', 'Kind', 'Confidence', 'CVSS', 'Title',
        'Acknowledged'].map((x) => h('th', {scope: 'col'}, x)))),
      h('tbody', {}, list.length ? list.map((a) => row(ctx, a))
        : h('tr', {}, h('td', {colspan: 8, class: 'empty'}, 'No alerts')))),
    h('nav', {class: 'pager', 'aria-label': 'Pages'},
      offset > 0 ? h('a', {href: siteHref(site, 'alerts', {offset: Math.max(0, offset - PAGE)})}, '← Newer') : null,
      list.length === PAGE ? h('a', {href: siteHref(site, 'alerts', {offset: offset + PAGE})}, 'Older →') : null));
}

function row(ctx, a) {
  const cell = h('td', {id: 'ack-' + a.id}, acked(a));
  if (!a.ackedAt) {
    const button = h('button', {type: 'button', id: 'ack-button-' + a.id,
      'aria-label': 'Acknowledge alert ' + a.id + ' (' + a.advisoryId + ')'}, 'Acknowledge');
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const updated = await api('/alerts/' + a.id + '/ack', {method: 'POST', body: {}});
        cell.replaceChildren(acked(updated));
        ctx.say('Alert ' + a.id + ' acknowledged.');
      } catch (err) {
        button.disabled = false;
        ctx.say('Not acknowledged: ' + err.message);
      }
    });
    cell.replaceChildren(button);
  }
  return h('tr', {},
    h('td', {}, timeEl(a.createdAt)),
    h('td', {}, h('a', {href: advisoryHref(a.advisoryId)}, a.advisoryId)),
    h('td', {}, h('a', {href: assetHref(a.asset)}, a.asset)),
    h('td', {}, a.kind),
    h('td', {}, a.confidence),
    h('td', {}, cvss(a.cvss)),
    h('td', {}, a.title || '—'),
    cell);
}

function acked(a) {
  return a.ackedAt ? ['by ', a.ackedBy || '?', ' at ', timeEl(a.ackedAt)] : 'no';
}
