// The dashboard shell: sign-in, the site switcher, hash routing to the views.
import {api, ApiError, signIn, signOut, token} from './api.js';
import {h, replace} from './dom.js';
import {siteHref} from './links.js';
import {overview} from './views/overview.js';
import {inventory} from './views/inventory.js';
import {device} from './views/device.js';
import {advisory} from './views/advisory.js';
import {alerts} from './views/alerts.js';

const main = document.getElementById('main');
const top = document.getElementById('top');
const siteSelect = document.getElementById('site');
const state = {me: null, sites: [], site: null};
// each navigation renders into a detached element and shows it only if no later one started, so a
// slow answer for a page the person already left never replaces the page they are on
let renders = 0;

/** The current route: path parts and query parameters of the hash. */
function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, qs] = hash.split('?');
  return {parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(qs || '')};
}

function go(hash) {
  if (location.hash === hash) {
    render();
  } else {
    location.hash = hash;
  }
}

function say(message) {
  const status = document.getElementById('status');
  status.textContent = '';
  setTimeout(() => { status.textContent = message; }, 50);
}

function siteHash(view, site = state.site) {
  return siteHref(site, view);
}

function signInView(error) {
  top.hidden = true;
  const input = h('input', {id: 'token', name: 'token', type: 'password', autocomplete: 'off', required: true,
    'aria-describedby': 'token-help'});
  const form = h('form', {class: 'signin', 'aria-labelledby': 'signin-title'},
    h('h1', {id: 'signin-title'}, 'Sign in to the collector'),
    h('label', {for: 'token'}, 'Access token'),
    input,
    h('p', {id: 'token-help', class: 'help'},
      'A user token from the collector (fpu_…). It is kept in this browser tab only and sent as a bearer token.'),
    error ? h('p', {class: 'error', role: 'alert', id: 'signin-error'}, error) : null,
    h('button', {type: 'submit', id: 'signin-button'}, 'Sign in'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    signIn(input.value);
    state.me = null;
    await render();
  });
  replace(main, form);
  input.focus();
}

async function loadSession() {
  const me = await api('/me');
  const sites = (await api('/sites')).items;
  state.me = me;
  state.sites = sites;
  document.getElementById('who').textContent = me.name + ' (' + me.role + ')';
  replace(siteSelect, sites.map((s) => h('option', {value: s.id}, s.name + ' (' + s.id + ')')));
  top.hidden = false;
}

function errorView(e) {
  const title = e instanceof ApiError && e.status === 404 ? 'Not found'
    : e instanceof ApiError && e.status === 403 ? 'No access' : 'Something went wrong';
  replace(main, h('section', {class: 'error-page', id: 'error-page'},
    h('h1', {tabindex: '-1'}, title),
    h('p', {role: 'alert'}, e.message),
    h('p', {}, h('a', {href: '#/'}, 'Back to the overview'))));
  main.querySelector('h1').focus();
}

function setNav(site) {
  document.getElementById('nav-overview').setAttribute('href', siteHash('overview', site));
  document.getElementById('nav-inventory').setAttribute('href', siteHash('inventory', site));
  document.getElementById('nav-alerts').setAttribute('href', siteHash('alerts', site));
  if (site) siteSelect.value = site;
}

async function render() {
  if (!token()) {
    signInView();
    return;
  }
  try {
    if (!state.me) await loadSession();
  } catch (e) {
    signOut();
    state.me = null;
    signInView(e instanceof ApiError && e.status === 401 ? 'That token was not accepted.' : e.message);
    return;
  }
  const {parts, params} = route();
  if (!state.site || !state.sites.some((s) => s.id === state.site)) {
    state.site = state.sites.length ? state.sites[0].id : null;
  }
  if (parts[0] === 'sites' && parts[1]) state.site = parts[1];
  setNav(state.site);
  const mine = ++renders;
  const page = document.createElement('div');
  const ctx = {state, params, main: page, go, say};
  try {
    if (parts.length === 0) {
      if (!state.site) {
        replace(main, h('h1', {}, 'No sites'), h('p', {}, 'This token may not see any site.'));
        return;
      }
      go(siteHash('overview'));
      return;
    }
    if (parts[0] === 'sites' && parts[2] === 'overview') await overview(ctx, parts[1]);
    else if (parts[0] === 'sites' && parts[2] === 'inventory') await inventory(ctx, parts[1]);
    else if (parts[0] === 'sites' && parts[2] === 'alerts') await alerts(ctx, parts[1]);
    else if (parts[0] === 'assets' && parts[1]) await device(ctx, parts[1]);
    else if (parts[0] === 'advisories' && parts[1]) await advisory(ctx, parts[1]);
    else throw new ApiError(404, 'no such page');
    if (mine !== renders) return;
    main.replaceChildren(...page.childNodes);
    const heading = main.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      if (!params.has('keep-focus')) heading.focus();
    }
  } catch (e) {
    if (mine !== renders) return;
    if (e instanceof ApiError && e.status === 401) {
      signOut();
      state.me = null;
      signInView('Your session ended; sign in again.');
      return;
    }
    errorView(e);
  }
}

siteSelect.addEventListener('change', () => {
  const {parts} = route();
  const view = parts[0] === 'sites' && parts[2] ? parts[2] : 'overview';
  go(siteHash(view, siteSelect.value));
});
document.getElementById('signout').addEventListener('click', () => {
  signOut();
  state.me = null;
  state.site = null;
  history.replaceState(null, '', '#/');
  signInView();
});
document.getElementById('skip').addEventListener('click', () => {
  const heading = main.querySelector('h1') || main;
  heading.setAttribute('tabindex', '-1');
  heading.focus();
});
window.addEventListener('hashchange', render);
render();
