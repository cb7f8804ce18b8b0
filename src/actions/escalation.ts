/**
 * Escalation: hand the verdict to the team that owns the root cause, with
 * the evidence they need so they do not start over — findings, the user's
 * methods with authenticator names, recent failures, what the help desk
 * already did (from the audit trail) and the device. The bot posts the
 * payload as a card to the owner's registered channel; `ESCALATION_WEBHOOK_URL`
 * also receives it as JSON. One escalation per diagnosis run.
 */
import { NOTICE_WORDS } from './noticeWords';
import { fillIn } from '../model/words';
import type { ConversationReference } from 'botbuilder';
import { authenticatorName } from '../catalog/authenticators';
import type { Owner, Verdict } from '../model/verdictTypes';
import { logger } from '../logger';
import type { AuditEntry, AuditTrail } from '../store/auditTrail';
import { routeOwnerLabel, type RouteOwner } from '../model/owners';
import type { ChannelRoutes, EscalationRoute } from '../store/routes';
import type { Versioned } from '../store/versionedStore';
import type { WorkflowStore } from '../store/workflowStore';
import type { AccessCheck, Person } from './access';
import { openRequest, targetName, type TargetUser } from './approvalRequest';
import { auditStep } from './auditStep';
import type { UserFactsSource } from './ports';
import { isRefusal, refusalText, refuse, type Refusal } from './refusals';
import type { RunVerdict } from '../model/diagnosisRun';

/**
 * Layer 4 (a stale or failed sign-in) is the user's session; when it is what
 * blocks, the identity team, who own sign-in, take the escalation.
 */
const ROUTE_FOR_OWNER: Record<Owner, RouteOwner> = { 'identity-team': 'identity', 'user-session': 'identity', endpoint: 'endpoint' };

export type WebhookPoster = (url: string, body: unknown) => Promise<{ ok: boolean; status: number }>;

const WEBHOOK_TIMEOUT_MS = 10_000;

export const postJson: WebhookPoster = async (url, body) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  });
  return { ok: response.ok, status: response.status };
};

export interface EscalationPayload {
  schemaVersion: 1;
  escalationId: string;
  owner: RouteOwner;
  escalatedBy: { id: string; name: string };
  escalatedAt: string;
  /** One line: who, what blocks, which finding. */
  headline: string;
  evidence: {
    /** Every finding that is not a plain pass or info, layer by layer. */
    findings: Array<{
      layer: number;
      title: string;
      status: string;
      code: string;
      severity: string;
      message: string;
      fix?: string;
      evidence?: Record<string, unknown>;
    }>;
    /** The user's registered methods now, passkeys named by their authenticator; null when Graph could not be read. */
    methods: Array<{ kind: string; displayName: string | null; authenticator?: string; createdDateTime: string | null }> | null;
    recentFailures: Verdict['recentFailures'];
    /** What the help desk already did for this user (newest first). */
    tried: Array<Pick<AuditEntry, 'time' | 'what' | 'note'> & { who: string }>;
    device: Verdict['device'];
  };
  verdict: Verdict;
}

export interface EscalationRecord {
  kind: 'escalation';
  id: string;
  runId: string;
  /** `failed`: nothing was delivered (no channel, webhook failed); escalating again is allowed. */
  state: 'sent' | 'failed';
  owner: RouteOwner;
  target: TargetUser;
  rootCause: string | null;
  escalatedBy: Person;
  escalatedAt: string;
  delivery: {
    channel: boolean;
    webhook: 'posted' | 'failed' | 'not-configured';
    /** The post to the team's channel failed after the escalation was recorded. */
    channelFailed?: boolean;
  };
}

/**
 * `escalated`: post `payload` as a card to `route.conversation` (when there
 * is a route) and update the original card with the record's line for
 * everyone; `notice`, if any, is for the clicker. A refusal because the run
 * was escalated already carries that escalation, whose line goes before it.
 */
export type EscalationResult =
  | (Refusal & { record?: EscalationRecord })
  | {
      kind: 'escalated';
      record: EscalationRecord;
      route: EscalationRoute | null;
      payload: EscalationPayload;
      notice?: string;
    };

export type RouteResult = Refusal | { kind: 'registered'; route: EscalationRoute; message: string };

export interface EscalationDeps {
  workflows: WorkflowStore;
  audit: AuditTrail;
  access: AccessCheck;
  routes: ChannelRoutes;
  facts: UserFactsSource;
  webhookUrl?: string;
  postWebhook?: WebhookPoster;
  now?: () => Date;
}

export const escalationId = (runId: string): string => `escalation-${runId}`;

/** Who to ask for a channel, and how: the parameters of the no-channel words. */
const channelParams = (owner: RouteOwner) => ({ team: routeOwnerLabel(owner), owner });

/** The team that owns the root cause, or — when nothing fails — the first layer that warns. */
function ownerOf(verdict: Verdict): RouteOwner | null {
  const owner = verdict.rootCause?.owner ?? verdict.layers.find((layer) => layer.status === 'fail' || layer.status === 'warn')?.owner;
  return owner ? ROUTE_FOR_OWNER[owner] : null;
}

export class Escalation {
  private readonly now: () => Date;

  constructor(private readonly deps: EscalationDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** `route identity here` / `route endpoint here`, typed by an operator in the channel to register. */
  async registerRoute(actor: Person, owner: RouteOwner, conversation: Partial<ConversationReference>): Promise<RouteResult> {
    const notOperator = await this.deps.access.require(actor, 'operator');
    if (notOperator) return notOperator;
    const route: EscalationRoute = { owner, conversation, registeredBy: actor, registeredAt: this.now().toISOString() };
    await this.deps.routes.register(owner, route);
    logger.info('escalation route registered', { owner, by: actor.id });
    return { kind: 'registered', route, message: fillIn(NOTICE_WORDS.routeRegistered, { team: routeOwnerLabel(owner) }) };
  }

  /** "Escalate" on a verdict card. */
  async escalate(actor: Person, run: RunVerdict): Promise<EscalationResult> {
    const opening = await openRequest(this.deps.access, actor, run, 'escalation');
    if (!opening.ok) return opening.failure.refusal;
    const { target, rootCause } = opening.value;
    const owner = ownerOf(run.verdict);
    if (!owner) return refuse('ESCALATION.NO_OWNER');
    const route = (await this.deps.routes.get(owner)) ?? null;
    if (!route && !this.deps.webhookUrl) return refuse('ESCALATION.NO_CHANNEL', channelParams(owner));

    const now = this.now();
    const record: EscalationRecord = {
      kind: 'escalation',
      id: escalationId(run.runId),
      runId: run.runId,
      state: 'sent',
      owner,
      target,
      rootCause,
      escalatedBy: actor,
      escalatedAt: now.toISOString(),
      delivery: { channel: !!route, webhook: this.deps.webhookUrl ? 'posted' : 'not-configured' },
    };
    // Claim the escalation first, so a double click delivers once.
    const claimed = await this.claim(record);
    if (isRefusal(claimed)) return claimed;

    const payload = await this.payload(record, run.verdict);
    const webhook = await this.postWebhook(payload);
    let sent = record;
    if (webhook === 'failed') {
      sent = { ...record, state: route ? 'sent' : 'failed', delivery: { ...record.delivery, webhook } };
      await this.deps.workflows.swap(claimed, sent);
    }
    if (sent.state === 'failed') return refuse('ESCALATION.NO_CHANNEL', channelParams(owner), { variant: 'webhookFailed' });
    const to = `to the ${routeOwnerLabel(owner)}${route ? ' channel' : ''}${webhook === 'posted' ? ' and webhook' : ''}`;
    await auditStep(this.deps.audit, 'escalation.sent', actor, sent, to, now);
    const notice =
      webhook === 'failed'
        ? NOTICE_WORDS.webhookRefused
        : route
          ? undefined
          : fillIn(NOTICE_WORDS.webhookOnly, { noChannel: refusalText('ESCALATION.NO_CHANNEL', channelParams(owner)) });
    return { kind: 'escalated', record: sent, route, payload, ...(notice ? { notice } : {}) };
  }

  /**
   * The channel post failed after the escalation was recorded (the bot was
   * removed from the team, the connector was down): the record says "not
   * delivered", so the card offers Retry and a retry is allowed.
   */
  async undelivered(actor: Person, sent: EscalationRecord): Promise<EscalationRecord> {
    const failed: EscalationRecord = { ...sent, state: 'failed', delivery: { ...sent.delivery, channelFailed: true } };
    const current = await this.deps.workflows.get<EscalationRecord>(sent.id);
    if (current) await this.deps.workflows.swap(current, failed);
    await auditStep(this.deps.audit, 'escalation.undelivered', actor, sent, `the ${routeOwnerLabel(sent.owner)} channel post failed`, this.now());
    return failed;
  }

  /** The stored record when this click now owns the escalation; otherwise why not. */
  private async claim(record: EscalationRecord): Promise<Versioned<EscalationRecord> | (Refusal & { record: EscalationRecord })> {
    const { created, current } = await this.deps.workflows.create(record);
    if (created) return current;
    // An undelivered escalation may be retried, by one click only.
    if (current.value.state === 'failed' && (await this.deps.workflows.swap(current, record))) {
      return (await this.deps.workflows.get<EscalationRecord>(record.id)) ?? current;
    }
    return { ...refuse('REQUEST.ALREADY_DONE', {}, { variant: 'escalation' }), record: current.value };
  }

  private async payload(record: EscalationRecord, verdict: Verdict): Promise<EscalationPayload> {
    const findings = verdict.layers.flatMap((layer) =>
      layer.findings
        .filter((finding) => finding.severity !== 'info')
        .map((finding) => ({
          layer: layer.layer,
          title: layer.title,
          status: layer.status,
          code: finding.code,
          severity: finding.severity,
          message: finding.message,
          ...(finding.fix ? { fix: finding.fix } : {}),
          ...(finding.evidence ? { evidence: finding.evidence } : {}),
        })),
    );
    const tried = (await this.deps.audit.recent(record.target.userPrincipalName)).map((entry) => ({
      time: entry.time,
      who: entry.who.name,
      what: entry.what,
      ...(entry.note ? { note: entry.note } : {}),
    }));
    const root = verdict.rootCause;
    return {
      schemaVersion: 1,
      escalationId: record.id,
      owner: record.owner,
      escalatedBy: { id: record.escalatedBy.id, name: record.escalatedBy.name },
      escalatedAt: record.escalatedAt,
      headline: fillIn(NOTICE_WORDS.escalationHeadline, {
        name: targetName(record.target),
        cause: root ? fillIn(NOTICE_WORDS.rootCauseLayer, root) : fillIn(NOTICE_WORDS.outcomeOnly, { outcome: verdict.outcome }),
      }),
      evidence: {
        findings,
        methods: await this.methods(record.target),
        recentFailures: verdict.recentFailures,
        tried,
        device: verdict.device ?? null,
      },
      verdict,
    };
  }

  private async methods(target: TargetUser): Promise<EscalationPayload['evidence']['methods']> {
    try {
      const { user } = await this.deps.facts.gather(target.id, { logs: false });
      if (!user.methods.ok) return null;
      return user.methods.value.map((method) => ({
        kind: method.kind,
        displayName: 'displayName' in method ? (method.displayName ?? null) : null,
        ...(method.kind === 'fido2' && 'aaGuid' in method ? { authenticator: authenticatorName(method.aaGuid) } : {}),
        createdDateTime: method.createdDateTime ?? null,
      }));
    } catch (error) {
      logger.warn('escalation could not read methods', { targetId: target.id, error });
      return null;
    }
  }

  private async postWebhook(payload: EscalationPayload): Promise<EscalationRecord['delivery']['webhook']> {
    const url = this.deps.webhookUrl;
    if (!url) return 'not-configured';
    try {
      const answer = await (this.deps.postWebhook ?? postJson)(url, payload);
      if (answer.ok) return 'posted';
      logger.warn('escalation webhook refused', { status: answer.status });
    } catch (error) {
      logger.warn('escalation webhook failed', { error });
    }
    return 'failed';
  }
}
