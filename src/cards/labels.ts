/**
 * Words and colours the cards use for the verdict's enums, and how they name
 * times and people. Adaptive Card colours are the host's semantic names, so
 * Teams themes (light, dark, high contrast) pick the actual shades.
 */
import { OWNER_LABELS } from '../model/owners';
import type { LayerStatus, Outcome, Owner } from '../model/verdictTypes';

export type TextColor = 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'warning' | 'attention' | 'accent';

export const OUTCOME_HEADLINES: Record<Outcome, { label: string; color: TextColor; style: ContainerStyle }> = {
  blocked: { label: 'Blocked', color: 'Attention', style: 'attention' },
  // Teams' light theme draws Warning text in yellow, unreadable on its warning band; the band carries the colour.
  'at-risk': { label: 'At risk', color: 'Default', style: 'warning' },
  incomplete: { label: 'Incomplete', color: 'Accent', style: 'accent' },
  ready: { label: 'Ready', color: 'Good', style: 'good' },
  'user-not-found': { label: 'User not found', color: 'Default', style: 'warning' },
};

/** Symbols present in Segoe UI Symbol (Teams) and DejaVu Sans (Linux), unlike colour emoji. */
export const STATUS_LABELS: Record<LayerStatus, { icon: string; label: string; color: TextColor }> = {
  pass: { icon: '✔', label: 'Pass', color: 'Good' },
  fail: { icon: '✖', label: 'Fail', color: 'Attention' },
  warn: { icon: '⚠', label: 'Warning', color: 'Warning' },
  unknown: { icon: '?', label: 'Unknown', color: 'Default' },
  'needs-info': { icon: '✎', label: 'Needs info', color: 'Accent' },
};

/** The owner as a card line starts with it: `Identity team`. */
export const ownerTitle = (owner: Owner): string => OWNER_LABELS[owner].charAt(0).toUpperCase() + OWNER_LABELS[owner].slice(1);

/** `2026-11-22T04:01:39.364Z` → `2026-11-22 04:01 UTC`. */
export function utcMinute(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A user as the action cards name them: `Alice Wong · alice@contoso.com`. */
export function personLine(user: { displayName: string | null; userPrincipalName: string }): string {
  return user.displayName ? `${user.displayName} · ${user.userPrincipalName}` : user.userPrincipalName;
}

/** What a TAP or passkey-removal request card shows: the two approval flows share one layout. */
export interface ApprovalRequestView {
  requestId: string;
  status: string;
  style: ContainerStyle;
  color: TextColor;
  summary: string;
  facts: Array<{ title: string; value: string }>;
  open: boolean;
}
