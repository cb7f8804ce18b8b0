/** ANSI colour for terminals only: NO_COLOR and pipes get plain text. */
const CODES = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, grey: 90, bold: 1 } as const;
export type Colour = keyof typeof CODES;

export function colourEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return !!stream.isTTY;
}

export const styler = (enabled: boolean) => (colour: Colour, text: string) =>
  enabled ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text;

export type Styler = ReturnType<typeof styler>;
