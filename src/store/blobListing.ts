/**
 * Listing for the Blob state store (retention only). botbuilder-azure-blobs
 * names each blob `encodeURIComponent(key)`, so a key prefix is a blob-name
 * prefix and a blob's name decodes back to its key.
 */
import { ContainerClient } from '@azure/storage-blob';
import type { TokenCredential } from '@azure/identity';
import type { ListableStore, StoredItemInfo } from './retention';

export class BlobListing implements ListableStore {
  constructor(private readonly container: ContainerClient) {}

  static fromConnectionString(connectionString: string, container: string): BlobListing {
    return new BlobListing(new ContainerClient(connectionString, container));
  }

  static fromUrl(containerUrl: string, credential: TokenCredential): BlobListing {
    return new BlobListing(new ContainerClient(containerUrl, credential));
  }

  async *list(prefix: string): AsyncIterable<StoredItemInfo> {
    for await (const blob of this.container.listBlobsFlat({ prefix: encodeURIComponent(prefix) })) {
      const modified = blob.properties.lastModified;
      if (modified) yield { key: decodeURIComponent(blob.name), modified };
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) await this.container.deleteBlob(encodeURIComponent(key), { deleteSnapshots: 'include' }).catch((error: { statusCode?: number }) => {
      if (error.statusCode !== 404) throw error;
    });
  }
}
