/** The user object, registered methods and direct memberships → facts (docs/graph-facts.md §6–§7). */
import type { AuthMethod, DirectoryUser, PasskeyType } from '../../model/facts';
import { bool, num, obj, str, values } from './values';

export const USER_SELECT = 'id,userPrincipalName,displayName,userType,accountEnabled,mail';

export function parseUser(body: unknown): DirectoryUser {
  const u = obj(body);
  return {
    id: str(u.id) ?? '',
    userPrincipalName: str(u.userPrincipalName) ?? '',
    displayName: str(u.displayName),
    userType: str(u.userType),
    accountEnabled: bool(u.accountEnabled),
    mail: str(u.mail),
  };
}

/** `#microsoft.graph.phoneAuthenticationMethod` → `phone`. */
function methodKind(odataType: string | null): string {
  const name = (odataType ?? '').replace(/^#microsoft\.graph\./, '').replace(/AuthenticationMethod$/, '');
  return name === 'externalAuthentication' ? 'external' : name || 'unknown';
}

export function parseMethod(raw: Record<string, unknown>): AuthMethod {
  const kind = methodKind(str(raw['@odata.type']));
  const id = str(raw.id) ?? '';
  // Docs samples spell it `creationDateTime`; the schema says `createdDateTime`.
  const createdDateTime = str(raw.createdDateTime) ?? str(raw.creationDateTime);
  if (kind === 'fido2') {
    const passkeyType = str(raw.passkeyType);
    const attestation = str(raw.attestationLevel);
    return {
      kind,
      id,
      displayName: str(raw.displayName),
      aaGuid: str(raw.aaGuid)?.toLowerCase() ?? null,
      model: str(raw.model),
      passkeyType: passkeyType === 'deviceBound' || passkeyType === 'synced' ? (passkeyType as PasskeyType) : null,
      attestationLevel: attestation === 'attested' || attestation === 'notAttested' ? attestation : null,
      createdDateTime,
    };
  }
  if (kind === 'temporaryAccessPass') {
    return {
      kind,
      id,
      isUsable: bool(raw.isUsable),
      methodUsabilityReason: str(raw.methodUsabilityReason),
      startDateTime: str(raw.startDateTime),
      lifetimeInMinutes: num(raw.lifetimeInMinutes),
      isUsableOnce: bool(raw.isUsableOnce),
      createdDateTime,
    };
  }
  return {
    kind,
    id,
    displayName: str(raw.displayName) ?? str(raw.phoneNumber) ?? str(raw.emailAddress),
    ...(kind === 'external' ? { configurationId: str(raw.configurationId) } : {}),
    ...(kind === 'platformCredential' ? { platform: str(raw.platform) } : {}),
    createdDateTime,
  };
}

export const parseMethods = (body: unknown): AuthMethod[] => values(body).map(parseMethod);

/** memberOf answers with groups and directory roles; the role's template id is what CA targets. */
export function parseMemberOf(items: Array<Record<string, unknown>>): { groupIds: string[]; roleTemplateIds: string[] } {
  const groupIds: string[] = [];
  const roleTemplateIds: string[] = [];
  for (const item of items) {
    const type = str(item['@odata.type']);
    if (type === '#microsoft.graph.group') groupIds.push(str(item.id) ?? '');
    else if (type === '#microsoft.graph.directoryRole') roleTemplateIds.push(str(item.roleTemplateId) ?? str(item.id) ?? '');
  }
  return { groupIds: groupIds.filter(Boolean), roleTemplateIds: roleTemplateIds.filter(Boolean) };
}
