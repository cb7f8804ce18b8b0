/** Counts by outcome and by blocking cause, and the document's order (users by UPN). */
import { SWEEP_OUTCOMES, type SweepCause, type SweepOutcome, type SweepUser } from './types';

export class SweepTally {
  readonly summary: Record<SweepOutcome, number> = Object.fromEntries(SWEEP_OUTCOMES.map((o) => [o, 0])) as Record<SweepOutcome, number>;
  private readonly causes = new Map<string, SweepCause>();

  add(user: SweepUser): void {
    this.summary[user.outcome] += 1;
    if (!user.rootCause) return;
    const cause = this.causes.get(user.rootCause.code) ?? { code: user.rootCause.code, layer: user.rootCause.layer, count: 0 };
    cause.count += 1;
    this.causes.set(cause.code, cause);
  }

  /** Most members first; ties by layer, then code, so the order is stable. */
  byCause(): SweepCause[] {
    return [...this.causes.values()].sort((a, b) => b.count - a.count || a.layer - b.layer || a.code.localeCompare(b.code));
  }

  get total(): number {
    return SWEEP_OUTCOMES.reduce((sum, o) => sum + this.summary[o], 0);
  }
}

export function byUpn(a: SweepUser, b: SweepUser): number {
  const [x, y] = [a.userPrincipalName.toLowerCase(), b.userPrincipalName.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}
