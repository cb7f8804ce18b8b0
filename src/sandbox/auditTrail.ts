/**
 * Directory audit records for the sandbox's write endpoints, so that a later
 * diagnosis sees what Entra would log (e.g. a deleted passkey). They name the
 * method, never a secret.
 */
import { randomUUID } from 'node:crypto';
import type { JsonObject, TenantState } from './tenantState';

export interface AuditEntry {
  activityDisplayName: string;
  loggedByService: string;
  operationType: 'Add' | 'Delete' | 'Update';
  resultReason: string;
  target: JsonObject;
  now: Date;
}

/** Sandbox callers are app-only clients without a registered identity. */
const SANDBOX_CALLER = {
  appId: null,
  displayName: 'Sandbox Graph client',
  servicePrincipalId: null,
  servicePrincipalName: null,
};

export function recordAudit(tenant: TenantState, entry: AuditEntry): void {
  const correlationId = randomUUID();
  tenant.directoryAudits.push({
    id: `Directory_${correlationId}`,
    category: 'UserManagement',
    correlationId,
    result: 'success',
    resultReason: entry.resultReason,
    activityDisplayName: entry.activityDisplayName,
    activityDateTime: entry.now.toISOString(),
    loggedByService: entry.loggedByService,
    operationType: entry.operationType,
    initiatedBy: { user: null, app: SANDBOX_CALLER },
    targetResources: [
      {
        id: entry.target['id'],
        displayName: entry.target['displayName'],
        type: 'User',
        userPrincipalName: entry.target['userPrincipalName'],
        groupType: null,
        modifiedProperties: [],
      },
    ],
    additionalDetails: [],
  });
}
