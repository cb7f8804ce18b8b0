/**
 * The state store named by `STATE_STORE` (docs/contracts.md §1): files for local use,
 * Azure Blob in production — with a managed identity (`blob:<container-url>`)
 * or a connection string (`blob-conn:<container>`). Everything that keeps
 * state asks this factory, so the choice is made in one place.
 */
import { DefaultAzureCredential } from '@azure/identity';
import type { Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { AppConfig } from '../config/schema';
import { BlobListing } from './blobListing';
import { FileStorage } from './fileStorage';
import type { ListableStore } from './retention';

const credentialFor = (config: Pick<AppConfig, 'graph'>, env: NodeJS.ProcessEnv) =>
  // On App Service the user-assigned identity's client id is AZURE_CLIENT_ID, as for Graph.
  new DefaultAzureCredential({ managedIdentityClientId: env.AZURE_CLIENT_ID, authorityHost: config.graph.authorityHost });

export function createStorage(config: Pick<AppConfig, 'stateStore' | 'graph'>, env: NodeJS.ProcessEnv = process.env): Storage {
  const store = config.stateStore;
  switch (store.kind) {
    case 'file':
      return new FileStorage(store.dir);
    case 'blob':
      return new BlobsStorage('', '', {}, store.containerUrl, credentialFor(config, env));
    case 'blob-conn':
      return new BlobsStorage(store.connectionString, store.container);
  }
}

/** The same store, listed by key prefix: what retention prunes through. */
export function createListing(config: Pick<AppConfig, 'stateStore' | 'graph'>, env: NodeJS.ProcessEnv = process.env): ListableStore {
  const store = config.stateStore;
  switch (store.kind) {
    case 'file':
      return new FileStorage(store.dir);
    case 'blob':
      return BlobListing.fromUrl(store.containerUrl, credentialFor(config, env));
    case 'blob-conn':
      return BlobListing.fromConnectionString(store.connectionString, store.container);
  }
}
