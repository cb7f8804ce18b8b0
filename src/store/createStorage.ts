/**
 * The state store named by `STATE_STORE` (contracts §1): files for local use,
 * Azure Blob in production — with a managed identity (`blob:<container-url>`)
 * or a connection string (`blob-conn:<container>`). Everything that keeps
 * state asks this factory, so the choice is made in one place.
 */
import { DefaultAzureCredential } from '@azure/identity';
import type { Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { AppConfig } from '../config/schema';
import { FileStorage } from './fileStorage';

export function createStorage(config: Pick<AppConfig, 'stateStore' | 'graph'>, env: NodeJS.ProcessEnv = process.env): Storage {
  const store = config.stateStore;
  switch (store.kind) {
    case 'file':
      return new FileStorage(store.dir);
    case 'blob':
      // On App Service the user-assigned identity's client id is AZURE_CLIENT_ID, as for Graph.
      return new BlobsStorage('', '', {}, store.containerUrl, new DefaultAzureCredential({
        managedIdentityClientId: env.AZURE_CLIENT_ID,
        authorityHost: config.graph.authorityHost,
      }));
    case 'blob-conn':
      return new BlobsStorage(store.connectionString, store.container);
  }
}
