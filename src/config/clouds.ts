/** National clouds: Graph root and token authority (docs/graph-facts.md §17). */
export const CLOUDS = {
  AzurePublicCloud: { graph: 'https://graph.microsoft.com', authority: 'https://login.microsoftonline.com' },
  AzureUSGovernment: { graph: 'https://graph.microsoft.us', authority: 'https://login.microsoftonline.us' },
  AzureUSGovernmentDoD: { graph: 'https://dod-graph.microsoft.us', authority: 'https://login.microsoftonline.us' },
  AzureChinaCloud: { graph: 'https://microsoftgraph.chinacloudapi.cn', authority: 'https://login.partner.microsoftonline.cn' },
} as const;

export type CloudName = keyof typeof CLOUDS;

/** Loopback hosts: the only ones Passkey Doctor will talk to without a token. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
