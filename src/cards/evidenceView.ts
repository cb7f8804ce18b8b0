/**
 * The evidence behind a verdict, as short lines for the card's "Evidence"
 * section. Evidence objects are free-form per finding code (docs/contracts.md §3), so
 * every field is read defensively: a missing or reshaped field drops a line,
 * never the card.
 */
import { authenticatorName } from '../catalog/authenticators';
import type { Finding, Verdict } from '../model/verdictTypes';
import { utcMinute } from './labels';

export interface EvidenceSection {
  title: string;
  lines: Array<{ text: string }>;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

function findings(verdict: Verdict, code: string): Finding[] {
  return verdict.layers.flatMap((layer) => layer.findings.filter((f) => f.code === code));
}

function evidenceOf(verdict: Verdict, code: string): Json[] {
  return findings(verdict, code).map((f) => f.evidence).filter(isObject);
}

function targetLine(target: Json, prefix: string): string | undefined {
  const name = text(target.name) ?? text(target.id);
  if (!name) return undefined;
  const kind = target.targetType === 'group' ? 'group' : text(target.targetType);
  const nested = target.nested === true ? ', through a nested group' : '';
  return `${prefix}: ${name}${kind ? ` (${kind}${nested})` : ''}`;
}

function policyTargets(verdict: Verdict): string[] {
  const included = [...evidenceOf(verdict, 'L2.PROFILES_APPLIED').flatMap((e) => objects(e.matchedTargets)),
    ...evidenceOf(verdict, 'L1.IN_SCOPE_VIA_NESTED_GROUP').flatMap((e) => objects(e.matchedIncludes))];
  const excluded = evidenceOf(verdict, 'L1.EXCLUDED').flatMap((e) => objects(e.excludedBy));
  const lines = [...included.map((t) => targetLine(t, 'Included by')), ...excluded.map((t) => targetLine(t, 'Excluded by'))];
  return [...new Set(lines.filter((l): l is string => l !== undefined))];
}

const PASSKEY_TYPES: Record<string, string> = { deviceBound: 'device-bound', synced: 'synced' };

function profileLine(profile: Json): string | undefined {
  const name = text(profile.name);
  if (!name) return undefined;
  const types = Array.isArray(profile.passkeyTypes) ? profile.passkeyTypes.map((t) => PASSKEY_TYPES[String(t)] ?? String(t)).join(' and ') : undefined;
  const attestation = profile.attestationEnforcement === 'disabled' ? 'attestation not enforced' : text(profile.attestationEnforcement) ? 'attestation enforced' : undefined;
  const restrictions = isObject(profile.keyRestrictions) && profile.keyRestrictions.isEnforced === true
    ? `${profile.keyRestrictions.enforcementType === 'block' ? 'block' : 'allow'} list of ${Array.isArray(profile.keyRestrictions.aaGuids) ? profile.keyRestrictions.aaGuids.length : 0} authenticators`
    : 'any authenticator';
  return [name, [types, attestation, restrictions].filter(Boolean).join('; ')].filter(Boolean).join(' — ');
}

function methodLine(method: Json): string | undefined {
  const name = text(method.name) ?? text(method.kind);
  if (!name) return undefined;
  const why = text(method.why);
  return `${name}${method.counts === true ? ' — counts for MFA' : why ? ` — ${why}` : ''}`;
}

function lastMfa(verdict: Verdict): string[] {
  for (const code of ['L4.MFA_RECENT', 'L4.MFA_STALE']) {
    for (const e of evidenceOf(verdict, code)) {
      const time = text(e.mfaTime);
      if (!time) return [`No MFA in the last ${typeof e.lookbackDays === 'number' ? e.lookbackDays : 'few'} days`];
      const where = [text(e.operatingSystem), text(e.browser)].filter(Boolean).join(', ');
      return [[utcMinute(time), text(e.method), where, text(e.app)].filter(Boolean).join(' · ')];
    }
  }
  return [];
}

function recentFailures(verdict: Verdict): string[] {
  return verdict.recentFailures.map((f) =>
    [utcMinute(f.time), f.authenticatorName ?? (f.aaGuid ? authenticatorName(f.aaGuid) : undefined), f.reason ?? f.activity].filter(Boolean).join(' · '),
  );
}

function device(verdict: Verdict): string[] {
  const d = verdict.device;
  if (!d || (!d.os && !d.browser && !d.path && !d.authenticator)) return [];
  const parts = [
    [d.os, d.osVersion].filter(Boolean).join(' '),
    d.browser,
    d.path,
    d.authenticator ? authenticatorName(d.authenticator) : undefined,
  ].filter((p): p is string => typeof p === 'string' && p !== '');
  return [`${parts.join(' · ')}${d.source ? ` (${d.source})` : ''}`];
}

/** Sections with at least one line, in the order a technician reads them. */
export function evidenceSections(verdict: Verdict): EvidenceSection[] {
  const sections: Array<[string, string[]]> = [
    ['Passkey policy targets', policyTargets(verdict)],
    ['Passkey profiles that apply', evidenceOf(verdict, 'L2.PROFILES_APPLIED').flatMap((e) => objects(e.profiles)).map(profileLine).filter((l): l is string => !!l)],
    ['Registered methods', evidenceOf(verdict, 'L3.MFA_METHODS').flatMap((e) => objects(e.methods)).map(methodLine).filter((l): l is string => !!l)],
    ['Last MFA', lastMfa(verdict)],
    ['Recent failed registrations', recentFailures(verdict)],
    ['Device', device(verdict)],
  ];
  return sections.filter(([, lines]) => lines.length > 0).map(([title, lines]) => ({ title, lines: lines.map((l) => ({ text: l })) }));
}
