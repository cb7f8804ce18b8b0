/**
 * The seven layers' numbers and the severities a finding may carry: the two
 * names both the verdict and the finding-code catalogue are built on, kept
 * apart so neither has to import the other.
 */
export type LayerNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type Severity = 'fail' | 'warn' | 'unknown' | 'needs-info' | 'info';
