/**
 * What the sign-in error codes seen around Security info mean, in words a
 * help desk can repeat (AADSTS reference; the common ones only).
 */
import { DOCS } from './findingCodes';

const MEANINGS: Record<number, string> = {
  50126: 'invalid username or password',
  50074: 'strong authentication (MFA) is required',
  50076: 'strong authentication (MFA) is required',
  500121: 'strong authentication failed or was denied',
  53003: 'blocked by Conditional Access',
  50158: 'an external security challenge (for example an external MFA provider) was not satisfied',
  50097: 'device authentication is required',
  530003: 'the device must be managed to reach this app',
};

export function signInErrorMeaning(code: number): string {
  return MEANINGS[code] ?? `not in our short list; see the AADSTS reference (${DOCS.signInErrorCodes})`;
}
