/** Where the findings send people: the user's Security info page and the admin blades that hold the fix. */
export const SECURITY_INFO = 'https://mysignins.microsoft.com/security-info';
export const METHODS_POLICIES_BLADE = 'Entra admin center > Protection > Authentication methods > Policies';
export const PASSKEY_POLICY_BLADE = `${METHODS_POLICIES_BLADE} > Passkey (FIDO2)`;
export const CA_BLADE = 'Entra admin center > Protection > Conditional Access';
