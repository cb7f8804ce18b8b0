/** Who the bot benchmarks type as, and whom they diagnose: the sandbox operator and five users, one per common outcome. */
import { SANDBOX_USERS } from '../sandbox';

/** The sandbox's help-desk operator as Teams names them in an activity. */
export const BENCH_OPERATOR = { id: '29:operator', name: SANDBOX_USERS.operator.displayName, aadObjectId: SANDBOX_USERS.operator.id };

/** Blocked at layer 3, excluded, stale MFA, blocked authenticator, ready. */
export const BENCH_USERS = [
  SANDBOX_USERS.noMfaMethod,
  SANDBOX_USERS.excluded,
  SANDBOX_USERS.mfaStale,
  SANDBOX_USERS.authenticatorBlocked,
  SANDBOX_USERS.ready,
];
