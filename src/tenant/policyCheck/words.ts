/**
 * The sentences a person reads for each policy-check code: message and fix,
 * built from a rule's evidence. Kept beside the catalogue, out of the rules.
 */
import type { PolicyCode } from './codes';
import type { RuleHit } from './types';

type Evidence = RuleHit['evidence'];
type Words = (e: Evidence) => { message: string; fix: string };

const list = (v: unknown): string => (Array.isArray(v) ? v.map((x) => `"${x}"`).join(', ') : `"${String(v)}"`);
const profileWords = (e: Evidence): string => (e.legacy ? 'The tenant-wide passkey settings (no passkey profiles yet)' : `Passkey profile "${e.profile}"`);

const CHECK_NAMES: Partial<Record<PolicyCode, string>> = {
  'POLICY.METHOD_DISABLED': 'the authentication methods policy, so no passkey rule ran',
  'POLICY.TARGET_GROUP_MISSING': 'whether the target groups still exist',
  'POLICY.REGISTRATION_CA_WITHOUT_TAP': 'the Conditional Access policies on "Register security info"',
  'POLICY.PHISHING_RESISTANT_ALL_RESOURCES_WITHOUT_TAP': 'the Conditional Access policies on all resources',
  'POLICY.SECURITY_DEFAULTS_ON': 'whether security defaults are on',
};

export const WORDS: Record<PolicyCode, Words> = {
  'POLICY.METHOD_DISABLED': (e) => ({
    message: e.configured ? 'The Passkey (FIDO2) method is disabled: nobody can register a passkey.' : 'The tenant has no Passkey (FIDO2) method configuration: nobody can register a passkey.',
    fix: 'In Authentication methods > Policies > Passkey (FIDO2), set Enable to on and target your pilot group.',
  }),
  'POLICY.NO_TARGETS': () => ({
    message: 'The Passkey (FIDO2) method is enabled but targets nobody: no include target.',
    fix: 'In Passkey (FIDO2) > Enable and target, add your pilot group (or All users) and pick its passkey profile.',
  }),
  'POLICY.SELF_SERVICE_OFF': () => ({
    message: '"Allow self-service set up" is off: users cannot add a passkey in Security info, whatever their profile says.',
    fix: 'In Passkey (FIDO2) > Configure, set "Allow self-service set up" to Yes.',
  }),
  'POLICY.ALLOW_LIST_EMPTY': (e) => ({
    message: `${profileWords(e)} enforces an allow-list with no AAGUIDs: nobody it applies to can register a passkey.`,
    fix: 'Add the AAGUIDs of the authenticators you issue to the allow-list, or turn key restrictions off for this profile.',
  }),
  'POLICY.TARGET_GROUP_MISSING': (e) => ({
    message: `The ${list(e.where).replace(/"/g, '')} names group ${e.groupId}, which no longer exists: its users are not in (or no longer excluded from) that scope.`,
    fix: 'Replace the deleted group with the group that should hold these users, or remove the target.',
  }),
  'POLICY.MANY_EXCLUSIONS': (e) => ({
    message: `The Passkey (FIDO2) method has ${Array.isArray(e.groups) ? e.groups.length : 0} exclusion group(s)${e.users ? ` and ${e.users} user(s) excluded one by one` : ''}${Array.isArray(e.groups) && e.groups.length ? ` (${list(e.groups)})` : ''}: exclusions spread this way drift unseen.`,
    fix: 'Keep one exclusion group (for example "Passkey Exclusions") and move every excluded user and group into it.',
  }),
  'POLICY.ATTESTATION_WITHOUT_ALLOW_LIST': (e) => ({
    message: `${profileWords(e)} enforces attestation with no AAGUID allow-list: any attested model may register, and the choice of models was never made.`,
    fix: 'Decide the models first: add an allow-list of the AAGUIDs you issue, pilot it, then keep attestation on.',
  }),
  'POLICY.AUTHENTICATOR_APP_BLOCKED': (e) => ({
    message: `The registration campaign nudges ${list(e.targets)} to Microsoft Authenticator, but passkey profile "${e.profile}" rejects Authenticator passkeys: those users set up the app and still cannot keep a passkey in it.`,
    fix: `Add the Authenticator AAGUIDs (iOS 90a3ccdf-635c-4729-a248-9b709135078f, Android de1e552d-db1d-4423-a619-566b625cdc84) to "${e.profile}", or exclude its groups from the campaign.`,
  }),
  'POLICY.TAP_DISABLED': () => ({
    message: 'Passkeys are enabled but the Temporary Access Pass method is off: a user with no MFA method cannot bootstrap a passkey.',
    fix: 'In Authentication methods > Policies > Temporary Access Pass, enable it for the same users as passkeys (one-time use).',
  }),
  'POLICY.TAP_SCOPE_NARROWER': (e) => ({
    message: `The Temporary Access Pass method does not cover every passkey target${Array.isArray(e.uncovered) && e.uncovered.length ? ` (not included: ${list(e.uncovered)})` : ''}${Array.isArray(e.excludedFromTap) && e.excludedFromTap.length ? ` (excluded from TAP only: ${list(e.excludedFromTap)})` : ''}: a pass issued to those users will not sign them in.`,
    fix: 'Target the Temporary Access Pass method at every group the passkey method targets (or All users).',
  }),
  'POLICY.REGISTRATION_CA_WITHOUT_TAP': (e) => ({
    message: `Conditional Access policy "${e.policy}" requires "${e.strength}" to register security info, and no Temporary Access Pass satisfies it: new users with no method cannot register.`,
    fix: `Use an authentication strength that includes Temporary Access Pass (one-time) in "${e.policy}", or exclude an onboarding group.`,
  }),
  'POLICY.SECURITY_DEFAULTS_ON': () => ({
    message: 'Security defaults are on: Conditional Access and authentication strengths cannot be used, and users are pushed to Microsoft Authenticator.',
    fix: 'When you are ready for Conditional Access, turn security defaults off in Properties and replace them with equivalent policies.',
  }),
  'POLICY.PROFILE_UNUSED': (e) => ({
    message: `Passkey profile "${e.profile}" is not given to any target: it applies to nobody.`,
    fix: 'Add it to the include target of the group it was meant for, or delete it.',
  }),
  'POLICY.SYNCED_WITH_ATTESTATION': (e) => ({
    message: `Passkey profile "${e.profile}" allows synced passkeys but enforces attestation: synced passkeys cannot attest, so only device-bound passkeys will register.`,
    fix: 'Either turn attestation off for this profile (and rely on an allow-list), or drop synced passkeys from it and give synced passkeys their own profile.',
  }),
  'POLICY.WINDOWS_HELLO_NOT_ALLOWED': (e) => ({
    message: `Passkey profile "${e.profile}" looks meant for Windows Hello passkeys, but ${Array.isArray(e.missingAaguids) && e.missingAaguids.length ? `its enforced allow-list lacks ${e.missingAaguids.length} Windows Hello AAGUID(s)` : 'it'}${e.attestationEnforced ? `${Array.isArray(e.missingAaguids) && e.missingAaguids.length ? ' and it' : ''} enforces attestation` : ''}: Windows Hello passkeys will not register.`,
    fix: 'Turn key restrictions on with an allow-list naming 08987058-cadc-4b81-b6e1-30de50dcbe96, 9ddd1817-af5a-4672-a2b9-3e3dd95000a9 and 6028b017-b1d4-4c02-b4b3-afcdafc96bb2, with attestation off.',
  }),
  'POLICY.CAMPAIGN_INEFFECTIVE': (e) => ({
    message:
      e.reason === 'profiles-restricted'
        ? `The registration campaign nudges users to passkeys, but every passkey profile in use (${list(e.profiles)}) restricts them: the nudge is made for profiles without restrictions.`
        : `The registration campaign nudges users to ${e.method}, but that method is disabled: the nudge cannot work.`,
    fix:
      e.reason === 'profiles-restricted'
        ? 'Point the campaign at groups whose profile has no restrictions, or target Microsoft Authenticator instead.'
        : `Enable ${e.method} for the campaign's targets, or change the campaign's targeted method.`,
  }),
  'POLICY.PHISHING_RESISTANT_ALL_RESOURCES_WITHOUT_TAP': (e) => ({
    message: `Conditional Access policy "${e.policy}" requires "${e.strength}" for all resources and no Temporary Access Pass satisfies it: a user with no phishing-resistant credential yet cannot sign in to register one${Array.isArray(e.excludedGroups) && e.excludedGroups.length ? ` (unless ${list(e.excludedGroups)} is your onboarding path)` : ''}.`,
    fix: 'Onboard with a one-time Temporary Access Pass before enforcing: exclude an onboarding group from this policy, or use a custom strength that also allows Temporary Access Pass.',
  }),
  'POLICY.CHECK_NOT_RUN': (e) => ({
    message: `Could not check ${CHECK_NAMES[e.check as PolicyCode] ?? String(e.check)}: ${e.reason}`,
    fix: e.permission ? `Grant the ${e.permission} application permission (admin consent) and run the check again.` : 'Run the check again later.',
  }),
};
