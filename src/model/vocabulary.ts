/**
 * The operating systems, browsers and registration paths the product names:
 * one list each, read by the input parser, the platform matrix's schema and
 * the device form alike.
 */
import type { Browser, OperatingSystem, RegistrationPath } from './facts';

export const OPERATING_SYSTEMS = ['windows', 'macos', 'ios', 'ipados', 'android', 'linux', 'chromeos'] as const satisfies readonly OperatingSystem[];
export const BROWSERS = ['edge', 'chrome', 'firefox', 'safari', 'other'] as const satisfies readonly Browser[];
export const PATHS = ['same-device', 'cross-device', 'security-key', 'authenticator-app', 'windows-hello'] as const satisfies readonly RegistrationPath[];
