/**
 * How words beside a catalogue are written: a template per code (and per
 * variant where one code reads several ways) with `{param}` placeholders that
 * the code's parameters fill. Findings and refusals both speak this way.
 */

export type WordParams = Record<string, string | number>;

/** `template` with each `{param}` replaced; a placeholder without a value stays visible rather than vanish. */
export const fillIn = (template: string, params: WordParams): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));

