/**
 * The device the user registers on: the technician's details, completed from
 * the latest interactive sign-in where they said nothing. Given details win.
 * The registration path and the authenticator are never inferred: a sign-in
 * shows where the user was, not how they mean to register.
 */
import type { Browser, DeviceInput, OperatingSystem, RegistrationPath, SignIn } from '../model/facts';
import { parseSignInBrowser, parseSignInOs } from './signInDevice';

export type InferableField = 'os' | 'osVersion' | 'browser';

export interface ResolvedDevice {
  os: OperatingSystem | null;
  osVersion: string | null;
  browser: Browser | null;
  path: RegistrationPath | null;
  /** Lower-case AAGUID of the intended authenticator, as given. */
  authenticator: string | null;
  /** The Windows device's name, as given (ties a Windows Hello for Business credential to it). */
  deviceName?: string | null;
  /** Samsung, when the latest sign-in from this Android device names a Samsung model ("SM-…") in its user agent. */
  manufacturer?: 'samsung' | null;
  source: 'given' | 'inferred' | 'mixed' | null;
  /** The sign-in the inferred fields came from. */
  inferredFrom: {
    signInId: string;
    time: string;
    app: string | null;
    operatingSystem: string | null;
    browser: string | null;
    fields: InferableField[];
  } | null;
}

function latestInteractive(signIns: SignIn[] | null): SignIn | null {
  const interactive = (signIns ?? []).filter((s) => s.isInteractive !== false && !Number.isNaN(Date.parse(s.createdDateTime)));
  return interactive.reduce<SignIn | null>(
    (latest, s) => (!latest || Date.parse(s.createdDateTime) > Date.parse(latest.createdDateTime) ? s : latest),
    null,
  );
}

/** iPads often sign in as "iOS": the same family for deciding whether a sign-in shows the given device. */
const family = (os: OperatingSystem): string => (os === 'ipados' ? 'ios' : os);

export function resolveDevice(given: DeviceInput | undefined, signIns: SignIn[] | null): ResolvedDevice {
  const g = given ?? {};
  const signIn = latestInteractive(signIns);
  const seenOs = signIn ? parseSignInOs(signIn.operatingSystem) : null;
  const seenBrowser = signIn ? parseSignInBrowser(signIn.browser) : null;
  // A sign-in from another kind of device says nothing about the version or browser of the one given.
  const sameDevice = !g.os || (!!seenOs && family(seenOs.os) === family(g.os));
  const os = g.os ?? seenOs?.os ?? null;
  const osVersion = g.osVersion ?? (sameDevice ? seenOs?.version : null) ?? null;
  const browser = g.browser ?? (sameDevice ? seenBrowser : null) ?? null;
  const fields: InferableField[] = [];
  if (!g.os && os) fields.push('os');
  if (!g.osVersion && osVersion) fields.push('osVersion');
  if (!g.browser && browser) fields.push('browser');
  const givenAny = Object.values(g).some((v) => v !== undefined);
  // Samsung phones put their model (SM-S911B, …) in the user agent; only a sign-in from the same kind of device says so.
  const samsung = os === 'android' && sameDevice && !!signIn?.userAgent && /\bSM-[A-Z0-9]+|\bSamsung/i.test(signIn.userAgent);
  return {
    os,
    osVersion,
    browser,
    path: g.path ?? null,
    authenticator: g.authenticator ?? null,
    ...(g.deviceName ? { deviceName: g.deviceName } : {}),
    ...(samsung ? { manufacturer: 'samsung' as const } : {}),
    source: fields.length ? (givenAny ? 'mixed' : 'inferred') : givenAny ? 'given' : null,
    inferredFrom:
      signIn && fields.length
        ? {
            signInId: signIn.id,
            time: signIn.createdDateTime,
            app: signIn.appDisplayName ?? signIn.appId,
            operatingSystem: signIn.operatingSystem,
            browser: signIn.browser,
            fields,
          }
        : null,
  };
}
