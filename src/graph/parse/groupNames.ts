/** `POST /directoryObjects/getByIds` for groups → the groups that exist, by id. */
import { str, values } from './values';

/** A group without a display name is named by its id, as the policy check and the diagnosis show it. */
export function parseGroupNames(body: unknown): Record<string, { id: string; displayName: string }> {
  const groups: Record<string, { id: string; displayName: string }> = {};
  for (const g of values(body)) {
    const id = str(g.id);
    if (id) groups[id] = { id, displayName: str(g.displayName) ?? id };
  }
  return groups;
}
