/**
 * The card actions wired together over one state store and one Graph
 * gateway: what the bot builds once at start-up and calls from its verb
 * handlers.
 */
import type { Storage } from 'botbuilder';
import type { AppConfig } from '../config/schema';
import type { RetryPolicy } from '../graph/retryPolicy';
import type { GraphGateway } from '../graph/gateway';
import { GraphWrites } from '../graph/writes';
import { AuditTrail } from '../store/auditTrail';
import { OpenRequests } from '../store/openRequests';
import { HourlyLimit } from '../store/rateLimit';
import { ChannelRoutes } from '../store/routes';
import { VersionedStore } from '../store/versionedStore';
import { WorkflowStore } from '../store/workflowStore';
import { AccessCheck, type Person, type RoleGroups } from './access';
import { targetOf } from './approvalRequest';
import { auditStep } from './auditStep';
import { Escalation, type WebhookPoster } from './escalation';
import { Outbox } from './outbox';
import { PasskeyRemovalWorkflow } from './passkeyRemoval';
import { TapWorkflow } from './tapWorkflow';
import type { RunVerdict } from '../model/diagnosisRun';

export interface ActionServices {
  tap: TapWorkflow;
  removal: PasskeyRemovalWorkflow;
  escalation: Escalation;
  audit: AuditTrail;
  access: AccessCheck;
  /** Records still being retried after an action was taken; drained (briefly) at shutdown. */
  outbox: Outbox;
  /** Appends a diagnosis to the audit trail (the bot calls it after each `diagnose`). */
  recordDiagnosis(actor: Person, run: RunVerdict): Promise<void>;
}

export interface ActionServicesOptions {
  config: Pick<AppConfig, 'operatorsGroupId' | 'tapApproversGroupId' | 'tapSecondApprover' | 'tapOneTime' | 'tapRequestsPerHour' | 'escalationWebhookUrl' | 'mfaFreshnessMinutes'>;
  storage: Storage;
  gateway: GraphGateway;
  /** Overrides the configured groups, e.g. the sandbox tenant's operators and approvers. */
  groups?: Partial<RoleGroups>;
  retry?: RetryPolicy;
  postWebhook?: WebhookPoster;
  now?: () => Date;
}

export function createActionServices(options: ActionServicesOptions): ActionServices {
  const { config, gateway, now } = options;
  const store = new VersionedStore(options.storage);
  const workflows = new WorkflowStore(store);
  const audit = new AuditTrail(store);
  const access = new AccessCheck(gateway, {
    operators: options.groups?.operators ?? config.operatorsGroupId,
    approvers: options.groups?.approvers ?? config.tapApproversGroupId,
  });
  const writes = new GraphWrites(gateway.transport, options.retry);
  const outbox = new Outbox();
  const base = { workflows, audit, access, secondApprover: config.tapSecondApprover, now, outbox };
  return {
    tap: new TapWorkflow({
      ...base,
      requestLimit: new HourlyLimit(store, 'tap-requests', config.tapRequestsPerHour, now),
      facts: gateway,
      writes,
      oneTime: config.tapOneTime,
      mfaFreshnessMinutes: config.mfaFreshnessMinutes,
      openRequests: new OpenRequests(store, now ? () => now().getTime() : undefined),
    }),
    removal: new PasskeyRemovalWorkflow({ ...base, writes }),
    escalation: new Escalation({
      workflows,
      audit,
      access,
      routes: new ChannelRoutes(store),
      facts: gateway,
      webhookUrl: config.escalationWebhookUrl,
      postWebhook: options.postWebhook,
      now,
    }),
    audit,
    access,
    outbox,
    recordDiagnosis: async (actor, run) => {
      const target = targetOf(run);
      if (!target) return;
      const subject = { id: run.runId, target, rootCause: run.verdict.rootCause?.code ?? null };
      await auditStep(audit, 'diagnosis', actor, subject, run.verdict.outcome, now?.());
    },
  };
}
