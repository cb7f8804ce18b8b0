/** An error's first sentence without its full stop, to be joined with the others into one usage line. */
export const problemClause = (error: unknown): string => (error as Error).message.split('\n')[0].replace(/\.$/, '');
