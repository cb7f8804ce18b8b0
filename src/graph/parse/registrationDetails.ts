/**
 * One row of `/reports/authenticationMethods/userRegistrationDetails`
 * (docs/graph-facts.md §8) as the methods the diagnosis understands. The report names
 * method kinds only: no AAGUID, no pass validity, so a row says when the
 * member's own methods must still be read (sweep per-member reads).
 */
import type { AuthMethod, PasskeyType } from '../../model/facts';
import type { ReportedMethods } from '../../tenant/sweep/types';
import { obj, str, strings } from './values';

/** `methodsRegistered` value → the kind `/authentication/methods` would give (unknown values are "other"). */
const KIND_BY_REPORT_NAME: Record<string, string> = {
  mobilePhone: 'phone',
  alternateMobilePhone: 'phone',
  officePhone: 'phone',
  email: 'email',
  microsoftAuthenticatorPush: 'microsoftAuthenticator',
  microsoftAuthenticatorPasswordless: 'passwordlessMicrosoftAuthenticator',
  softwareOneTimePasscode: 'softwareOath',
  hardwareOneTimePasscode: 'hardwareOath',
  windowsHelloForBusiness: 'windowsHelloForBusiness',
  macOsSecureEnclaveKey: 'platformCredential',
  temporaryAccessPass: 'temporaryAccessPass',
};

/** Passkeys, synced ones included: the report's own names for them. */
const PASSKEY_TYPE_BY_REPORT_NAME: Record<string, PasskeyType | null> = {
  fido2SecurityKey: 'deviceBound',
  passKeyDeviceBound: 'deviceBound',
  passKeyDeviceBoundAuthenticator: 'deviceBound',
  passKeyDeviceBoundWindowsHello: 'deviceBound',
  passKeySynced: 'synced',
};

export function parseRegistrationRow(raw: unknown): ReportedMethods | null {
  const row = obj(raw);
  const id = str(row.id);
  if (!id) return null;
  const methods: AuthMethod[] = [];
  let hasPasskey = false;
  let hasTap = false;
  for (const [index, name] of strings(row.methodsRegistered).entries()) {
    const methodId = `report-${index}`;
    if (Object.hasOwn(PASSKEY_TYPE_BY_REPORT_NAME, name)) {
      hasPasskey = true;
      const passkeyType = PASSKEY_TYPE_BY_REPORT_NAME[name];
      methods.push({ kind: 'fido2', id: methodId, displayName: null, aaGuid: null, model: null, passkeyType, attestationLevel: null, createdDateTime: null });
      continue;
    }
    const kind = KIND_BY_REPORT_NAME[name];
    if (!kind) continue;
    if (kind === 'temporaryAccessPass') {
      hasTap = true;
      methods.push({
        kind,
        id: methodId,
        isUsable: null,
        methodUsabilityReason: null,
        startDateTime: null,
        lifetimeInMinutes: null,
        isUsableOnce: null,
        createdDateTime: null,
      });
      continue;
    }
    methods.push({ kind, id: methodId, displayName: null });
  }
  return { id: id.toLowerCase(), methods, hasPasskey, hasTap };
}
