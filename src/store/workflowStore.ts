/**
 * Workflow records (TAP requests, passkey removals, escalations) by id, with
 * the eTag that a state transition must present to be written. Ids arrive in
 * card data, which anyone can forge: an id that is not well formed is simply
 * not found.
 */
import type { VersionedStore, Versioned } from './versionedStore';

/** What every workflow record has; the rest belongs to the workflow. */
export interface WorkflowRecord {
  kind: string;
  id: string;
  state: string;
}

const WELL_FORMED_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export const isWellFormedId = (id: unknown): id is string => typeof id === 'string' && WELL_FORMED_ID.test(id);

/** Where workflow records live in the store. */
export const WORKFLOW_PREFIX = 'workflow/';

const keyOf = (id: string) => `${WORKFLOW_PREFIX}${id}`;

export class WorkflowStore {
  constructor(private readonly store: VersionedStore) {}

  async get<T extends WorkflowRecord>(id: unknown): Promise<Versioned<T> | undefined> {
    if (!isWellFormedId(id)) return undefined;
    return this.store.read<T>(keyOf(id));
  }

  /** Creates the record unless its id is taken; returns the record that holds the id afterwards. */
  async create<T extends WorkflowRecord>(record: T): Promise<{ created: boolean; current: Versioned<T> }> {
    return this.store.createIfAbsent(keyOf(record.id), record);
  }

  /**
   * Moves a record from the version that was read to `next`. False when
   * another transition was written first: the caller must re-read and decide
   * again, never retry blindly.
   */
  async swap<T extends WorkflowRecord>(current: Versioned<T>, next: T): Promise<boolean> {
    return this.store.replace(keyOf(next.id), next, current.eTag);
  }
}
