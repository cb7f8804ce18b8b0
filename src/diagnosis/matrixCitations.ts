/** How findings cite the platform matrix's sources: a short note in prose, the full list in evidence, the links in docs. */
import { isMicrosoftSource, matrixSource, type Contradiction } from '../catalog/platformMatrix';
import { fillIn } from '../model/words';
import { CITATION_PHRASES } from '../model/findingWords/platform';

export const sourceEvidence = (ids: string[]) =>
  ids.map((id) => {
    const { title, date, url, path } = matrixSource(id);
    return { id, title, date, path, url, microsoft: isMicrosoftSource(id) };
  });

export const sourceLinks = (ids: string[]): string[] => [...new Set(ids.map((id) => matrixSource(id).url).filter((u): u is string => !!u))];

/** "Microsoft Learn, 2026-07-05" for the first dated source. */
export function citation(ids: string[]): string {
  const id = ids.find((i) => matrixSource(i).date);
  if (!id) return CITATION_PHRASES.matrix;
  const source = matrixSource(id);
  const where = isMicrosoftSource(id) ? CITATION_PHRASES.learn : source.title;
  return fillIn(CITATION_PHRASES.dated, { where, date: source.date ?? '' });
}

export const contradictionEvidence = (c: Contradiction) => ({
  id: c.id,
  topic: c.topic,
  statements: c.statements.map((s) => ({ ...s, date: matrixSource(s.source).date })),
});

/** The oldest and the newest statement, e.g. `Microsoft Learn, 2024-10-11: "…" but Microsoft Learn, 2026-04-16: "…"`. */
export function contradictionText(c: Contradiction): string {
  const quote = (s: Contradiction['statements'][number]) =>
    fillIn(CITATION_PHRASES.statement, { citation: citation([s.source]), says: s.says.replace(/\.$/, '') });
  return fillIn(CITATION_PHRASES.contradiction, { first: quote(c.statements[0]), last: quote(c.statements[c.statements.length - 1]) });
}
