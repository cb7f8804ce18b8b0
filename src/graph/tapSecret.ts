/**
 * A Temporary Access Pass code, held so that it cannot leak by accident:
 * serialising it (JSON, string interpolation, `util.inspect`, the logger)
 * yields a placeholder. Only an explicit `reveal()` gives the code, and the
 * one place that calls it is the card shown to the approver who issued it.
 */
import { inspect } from 'node:util';

const REDACTED = '[Temporary Access Pass redacted]';

export class TapSecret {
  readonly #code: string;

  constructor(code: string) {
    this.#code = code;
  }

  /** The code itself. Show it once, to the person who may see it; never store or log it. */
  reveal(): string {
    return this.#code;
  }

  toJSON(): string {
    return REDACTED;
  }

  toString(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}
