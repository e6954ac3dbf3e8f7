// Display helpers: times, scores, severities, labels.
import {h} from './dom.js';

export function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace(/:\d\dZ$/, 'Z');
}

export function timeEl(iso) {
  return iso ? h('time', {datetime: iso}, when(iso)) : '—';
}

export function severityOf(score) {
  if (score === null || score === undefined) return 'unscored';
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'none';
}

export function badge(text, kind) {
  return h('span', {class: 'badge badge-' + kind}, text);
}

export function sevBadge(severity) {
  return h('span', {class: 'badge sev-' + severity}, severity);
}

export function cvss(score) {
  if (score === null || score === undefined) return '—';
  return h('span', {class: 'sev sev-' + severityOf(score)}, score.toFixed(1) + ' ' + severityOf(score));
}

export function kevBadge(kev) {
  return kev ? badge('KEV', 'kev') : '';
}

export const TRIAGE_STATES = {
  affected: 'Affected',
  not_affected: 'Not affected',
  fixed: 'Fixed',
  under_investigation: 'Under investigation',
};

export const JUSTIFICATIONS = {
  component_not_present: 'Component not present',
  vulnerable_code_not_present: 'Vulnerable code not present',
  vulnerable_code_not_in_execute_path: 'Vulnerable code not in execute path',
  vulnerable_code_cannot_be_controlled_by_adversary: 'Vulnerable code cannot be controlled by adversary',
  inline_mitigations_already_exist: 'Inline mitigations already exist',
};

export function triageLabel(state) {
  return state ? TRIAGE_STATES[state] || state : 'Not triaged';
}

export function assetName(a) {
  return a.name || a.model || a.id || a.uid;
}
