// Hash links between the views.
import {query} from './api.js';

export function siteHref(site, view, params = {}) {
  return '#/sites/' + encodeURIComponent(site) + '/' + view + query(params);
}

export function assetHref(uid) {
  return '#/assets/' + encodeURIComponent(uid);
}

export function advisoryHref(id) {
  return '#/advisories/' + encodeURIComponent(id);
}
