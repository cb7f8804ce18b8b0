/**
 * The way the usual help-desk PowerShell check reads the same facts: one
 * call after another (user, passkey policy, memberOf twice, methods,
 * sign-ins), each waiting for the last. Kept for comparison in the benchmark.
 */
import { filterParam, odataString, pathSegment } from '../graph/odata';
import { UsageMeter, type GraphTransport } from '../graph/transport';

export async function sequentialCheck(
  transport: GraphTransport,
  upn: string,
): Promise<{ requests: number; roundTrips: number; ms: number }> {
  const meter = new UsageMeter();
  const user = `/users/${pathSegment(upn)}`;
  await transport.send('GET', 'v1.0', `${user}?$select=id,userPrincipalName,userType,accountEnabled`, meter);
  await transport.send('GET', 'v1.0', '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/fido2', meter);
  await transport.send('GET', 'v1.0', `${user}/memberOf`, meter);
  await transport.send('GET', 'v1.0', `${user}/transitiveMemberOf`, meter);
  await transport.send('GET', 'v1.0', `${user}/authentication/methods`, meter);
  await transport.send(
    'GET',
    'beta',
    `/auditLogs/signIns?${filterParam([`userPrincipalName eq ${odataString(upn.toLowerCase())}`])}&$top=50`,
    meter,
  );
  return meter.usage();
}
