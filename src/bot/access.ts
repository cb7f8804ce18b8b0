/**
 * The guard's access check: the workflows' own check (src/actions/access.ts),
 * remembered briefly so a conversation costs one Graph call a minute rather
 * than one per message. Fails closed as that check does; a check that could
 * not be made (AUTH.CHECK_FAILED) is not remembered, so the next message asks
 * Graph again. The workflows still ask Graph at every click, uncached.
 */
import type { AccessCheck } from '../actions/access';
import type { Refusal } from '../actions/refusals';
import type { Person, Role } from '../model/people';

export class CachedAccessCheck {
  private readonly cache = new Map<string, { answer: Promise<Refusal | null>; expires: number }>();

  constructor(
    private readonly check: Pick<AccessCheck, 'require'>,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Null when `person` holds `role`; otherwise the refusal to show them. */
  require(person: Person, role: Role): Promise<Refusal | null> {
    const key = `${role}:${person.id.toLowerCase()}`;
    const cached = this.cache.get(key);
    if (cached && cached.expires > this.now()) return cached.answer;
    const answer = this.check.require(person, role);
    this.cache.set(key, { answer, expires: this.now() + this.ttlMs });
    const forget = () => this.cache.delete(key);
    answer.then((refusal) => (refusal?.code === 'AUTH.CHECK_FAILED' ? forget() : undefined), forget);
    return answer;
  }
}
