/** Where layers 3 and 4 send people: the user's Security info page and the admin blades that hold the fix. */
export const SECURITY_INFO = 'https://mysignins.microsoft.com/security-info';
export const METHODS_POLICIES_BLADE = 'Entra admin center > Protection > Authentication methods > Policies';
export const CA_BLADE = 'Entra admin center > Protection > Conditional Access';
