/**
 * Which request is the open one for a user: one marker per kind and user,
 * pointing at the latest request. Whether that request is still open is
 * read from the request itself, so a marker never needs clearing.
 */
import type { VersionedStore } from './versionedStore';

const keyOf = (kind: string, userId: string) => `open/${kind}/${userId.toLowerCase()}`;

export class OpenRequests {
  constructor(private readonly store: VersionedStore) {}

  async latest(kind: string, userId: string): Promise<string | undefined> {
    return (await this.store.read<{ requestId: string }>(keyOf(kind, userId)))?.value.requestId;
  }

  async mark(kind: string, userId: string, requestId: string): Promise<void> {
    await this.store.storage.write({ [keyOf(kind, userId)]: { data: { requestId } } });
  }
}
