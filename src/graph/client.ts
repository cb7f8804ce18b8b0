/**
 * The Microsoft Graph client: @microsoft/microsoft-graph-client over an
 * @azure/identity credential in tenant mode, and the same client without an
 * authentication step for a loopback emulator (docs/contracts.md §1). Retries are
 * ours (see batch.ts), so the client's own RetryHandler is left out: every
 * HTTP request it sends is one we counted.
 */
import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { AuthenticationHandler, Client, HTTPMessageHandler, type Middleware } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import { CLOUDS } from '../config/clouds';
import type { AppConfig } from '../config/schema';
import { PasskeyDoctorError } from '../errors/catalog';

/** The app's credential for tenant mode: Graph and the Log Analytics workspace share it. */
export function credentialFor(graph: AppConfig['graph'], env: NodeJS.ProcessEnv): TokenCredential {
  const c = graph.credential;
  if (!c) throw new PasskeyDoctorError('CONFIG_INVALID', 'noCredential');
  const options = { authorityHost: graph.authorityHost };
  switch (c.kind) {
    case 'client-secret':
      return new ClientSecretCredential(c.tenantId!, c.clientId!, env.AZURE_CLIENT_SECRET!, options);
    case 'client-certificate':
      return new ClientCertificateCredential(c.tenantId!, c.clientId!, { certificatePath: env.AZURE_CLIENT_CERTIFICATE_PATH! }, options);
    case 'managed-identity':
      return c.clientId ? new ManagedIdentityCredential({ clientId: c.clientId }) : new ManagedIdentityCredential();
  }
}

function chain(handlers: Middleware[]): Middleware {
  for (let i = 0; i < handlers.length - 1; i++) handlers[i].setNext?.(handlers[i + 1]);
  return handlers[0];
}

/**
 * A Graph client for the configured mode. `baseUrl` is the Graph root without a version path.
 * In tenant mode it authenticates with `credential` (start-up passes the one it shares with the workspace).
 */
export function createGraphClient(graph: AppConfig['graph'], baseUrl: string, credential?: TokenCredential): Client {
  const root = baseUrl.replace(/\/+$/, '') + '/';
  if (graph.mode !== 'tenant') {
    return Client.initWithMiddleware({ baseUrl: root, middleware: chain([new HTTPMessageHandler()]) });
  }
  const host = new URL(root).host;
  const authProvider = new TokenCredentialAuthenticationProvider(credential ?? credentialFor(graph, process.env), {
    // The token audience is the cloud's Graph, even when GRAPH_BASE_URL points elsewhere.
    scopes: [`${CLOUDS[graph.cloud].graph}/.default`],
  });
  return Client.initWithMiddleware({
    baseUrl: root,
    customHosts: new Set([host]),
    middleware: chain([new AuthenticationHandler(authProvider), new HTTPMessageHandler()]),
  });
}
