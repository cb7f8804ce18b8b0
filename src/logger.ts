/**
 * The one logger. JSON lines on stderr (stdout belongs to the CLI's output),
 * level from LOG_LEVEL. Known secret-bearing keys are redacted before
 * anything is written, so a careless call cannot leak a token or a TAP.
 */
type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const SECRET_KEY = /(token|secret|password|temporaryaccesspass|authorization|connectionstring|clientassertion|^tap$|^pass$)/i;

function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1)]),
  );
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export type LogSink = (line: string) => void;

let sink: LogSink = (line) => process.stderr.write(line + '\n');

/** Tests capture log output here to prove that no secret is ever written. */
export function setLogSink(next: LogSink): LogSink {
  const previous = sink;
  sink = next;
  return previous;
}

function currentLevel(): Level {
  const raw = (process.env.LOG_LEVEL ?? 'info').toLowerCase();
  return raw in RANK ? (raw as Level) : 'info';
}

function write(level: Exclude<Level, 'silent'>, msg: string, fields?: Record<string, unknown>): void {
  if (RANK[level] < RANK[currentLevel()]) return;
  sink(JSON.stringify({ time: new Date().toISOString(), level, msg, ...(redact(fields ?? {}) as object) }));
}

export const logger: Logger = {
  debug: (msg, fields) => write('debug', msg, fields),
  info: (msg, fields) => write('info', msg, fields),
  warn: (msg, fields) => write('warn', msg, fields),
  error: (msg, fields) => write('error', msg, fields),
};
