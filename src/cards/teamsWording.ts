/**
 * Finding texts name how to do a thing on every surface, e.g. "(CLI: --os,
 * --path; in Teams: the device form)". A card is read in Teams: it keeps the
 * Teams part only, and never shows a command-line flag.
 */
const BOTH_SURFACES = /\s*\(CLI: [^;()]*; in Teams: ([^()]*)\)/g;
const CLI_ONLY = /\s*\(CLI: [^()]*\)/g;

export const forTeams = (text: string): string => text.replace(BOTH_SURFACES, ' ($1)').replace(CLI_ONLY, '');
