/** Walking a card's JSON in tests: every element (at any depth) that passes `test`, in document order. */
export function find(node: any, test: (n: any) => boolean, found: any[] = []): any[] {
  if (Array.isArray(node)) for (const n of node) find(n, test, found);
  else if (node && typeof node === 'object') {
    if (test(node)) found.push(node);
    for (const value of Object.values(node)) find(value, test, found);
  }
  return found;
}

/** Every element of one Adaptive Card `type` (e.g. `Chart.VerticalBar`, `TableRow`). */
export const ofType = (node: unknown, type: string): any[] => find(node, (n) => n.type === type);
