/** One CSV field for spreadsheets, shared by the tenant-wide documents' CSVs (the sweep's members, the report's failed attempts). */

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. A leading =,+,-,@ is defused for spreadsheets. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
