/**
 * Start-up wiring for the bot's settings. On the sandbox tenant the operators
 * group defaults to the sandbox's own (docs/contracts.md §1) and help suggests its
 * demo users; anywhere else OPERATORS_GROUP_ID must be set, because a bot
 * nobody is authorised to use — or everybody — is a misconfiguration.
 * Only on the sandbox may a conversation switch persona (`as approver`).
 */
import { PasskeyDoctorError } from '../errors/catalog';
import type { Runtime } from '../wiring/runtime';
import { SANDBOX_GROUPS, SANDBOX_TENANT, SANDBOX_USERS } from '../sandbox';
import type { PlaygroundOptions, PlaygroundUser } from './playground';
import type { Persona } from './actingAs';
import type { BotSettings } from './services';

export function botSettingsFor(runtime: Pick<Runtime, 'config' | 'sandbox'>): BotSettings {
  const { config } = runtime;
  const operatorsGroupId = config.operatorsGroupId ?? (runtime.sandbox ? SANDBOX_GROUPS.operators : undefined);
  if (!operatorsGroupId) {
    throw new PasskeyDoctorError('CONFIG_INVALID', 'operatorsGroupMissing', {}, { details: { variable: 'OPERATORS_GROUP_ID' } });
  }
  const tapApproversGroupId = config.tapApproversGroupId ?? (runtime.sandbox ? SANDBOX_GROUPS.tapApprovers : undefined);
  if (!runtime.sandbox) return { operatorsGroupId, ...(tapApproversGroupId ? { tapApproversGroupId } : {}), help: {} };
  const help = {
    exampleUpn: SANDBOX_USERS.noMfaMethod.userPrincipalName,
    note: `Running on the built-in sandbox tenant ${SANDBOX_TENANT.displayName}. Other demo users: ${[SANDBOX_USERS.excluded, SANDBOX_USERS.mfaStale, SANDBOX_USERS.authenticatorBlocked, SANDBOX_USERS.ready].map((u) => u.userPrincipalName).join(', ')}. To approve a request, type "as approver" (and "as operator" to switch back).`,
  };
  return {
    operatorsGroupId,
    ...(tapApproversGroupId ? { tapApproversGroupId } : {}),
    help,
    sandboxPersonas: sandboxPersonas(),
    approvalsInPersonalChat: true,
  };
}

/** Who `as <role>` may become on the sandbox tenant: its help-desk operator and its TAP approver. */
export function sandboxPersonas(): Persona[] {
  const persona = (role: string, user: { id: string; displayName: string; userPrincipalName: string }): Persona => ({
    role,
    aadObjectId: user.id,
    name: user.displayName,
    userPrincipalName: user.userPrincipalName,
  });
  return [persona('operator', SANDBOX_USERS.operator), persona('approver', SANDBOX_USERS.approver)];
}

const asPlaygroundUser = (user: { id: string; displayName: string; userPrincipalName: string }): PlaygroundUser => ({
  aadObjectId: user.id,
  displayName: user.displayName,
  userPrincipalName: user.userPrincipalName,
});

/**
 * The playground's people on the sandbox tenant: signed in as the help-desk
 * operator; the approver and some demo users (who are not operators) to
 * switch to. The playground wants at least five others.
 */
export function sandboxPlaygroundPeople(): Pick<PlaygroundOptions, 'tenantId' | 'currentUser' | 'otherUsers'> {
  const { approver, ready, excluded, mfaStale, authenticatorBlocked } = SANDBOX_USERS;
  return {
    tenantId: SANDBOX_TENANT.id,
    currentUser: asPlaygroundUser(SANDBOX_USERS.operator),
    otherUsers: [approver, ready, excluded, mfaStale, authenticatorBlocked].map(asPlaygroundUser),
  };
}
