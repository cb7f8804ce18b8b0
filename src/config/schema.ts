/**
 * Configuration from environment variables (docs/contracts.md §1), validated once at
 * start-up. A bad value stops start-up with one line naming the variable.
 */
import { z } from 'zod';
import { PasskeyDoctorError } from '../errors/catalog';
import { GRAPH_REPORTS_DEFAULT, parseQuota, quotaText, type Quota } from './quota';
import { CLOUDS, type CloudName, isLoopbackUrl } from './clouds';
import { DIGEST_SCHEDULE_DEFAULT, parseDigestSchedule, type DigestSchedule } from './digestSchedule';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const blankAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(blankAsUndefined, z.string().trim().optional());
const optionalGuid = (what: string) => z.preprocess(blankAsUndefined, z.string().trim().regex(GUID, `must be ${what} (a GUID)`).optional());
const DEFAULT_PORT = 3978;

const wholeNumberIn = (min: number, max: number) =>
  z.coerce
    .number({ invalid_type_error: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be a whole number from ${min} to ${max}`);
const wholeNumber = (min: number, max: number, fallback: number) =>
  z.preprocess(blankAsUndefined, wholeNumberIn(min, max).default(fallback));
const flag = (fallback: boolean) =>
  z.preprocess(
    blankAsUndefined,
    z
      .enum(['true', 'false', 'on', 'off', '1', '0'], { errorMap: () => ({ message: 'must be true or false' }) })
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === 'on' || v === '1'),
  );

const envSchema = z.object({
  AZURE_TENANT_ID: optionalGuid('the directory (tenant) id'),
  AZURE_CLIENT_ID: optionalGuid('the application (client) id'),
  AZURE_CLIENT_SECRET: optionalString,
  AZURE_CLIENT_CERTIFICATE_PATH: optionalString,
  IDENTITY_ENDPOINT: optionalString,
  MSI_ENDPOINT: optionalString,
  AZURE_CLOUD: z.preprocess(
    blankAsUndefined,
    z
      .enum(Object.keys(CLOUDS) as [CloudName, ...CloudName[]], {
        errorMap: () => ({ message: `must be one of ${Object.keys(CLOUDS).join(', ')}` }),
      })
      .default('AzurePublicCloud'),
  ),
  GRAPH_BASE_URL: z.preprocess(blankAsUndefined, z.string().url('must be an absolute URL such as http://127.0.0.1:4010').optional()),
  BOT_ID: optionalString,
  BOT_PASSWORD: optionalString,
  BOT_TYPE: z.preprocess(
    blankAsUndefined,
    z.enum(['SingleTenant', 'UserAssignedMsi'], { errorMap: () => ({ message: 'must be SingleTenant or UserAssignedMsi' }) }).optional(),
  ),
  BOT_TENANT_ID: optionalGuid('the bot tenant id'),
  PORT: wholeNumber(1, 65535, DEFAULT_PORT),
  OPERATORS_GROUP_ID: optionalGuid('a group object id'),
  TAP_APPROVERS_GROUP_ID: optionalGuid('a group object id'),
  TAP_SECOND_APPROVER: flag(true),
  TAP_ONE_TIME: flag(true),
  TAP_REQUESTS_PER_HOUR: wholeNumber(1, 1000, 10),
  STATE_STORE: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .regex(/^(file:.+|blob:https:\/\/.+|blob-conn:[a-z0-9-]{3,63})$/, 'must be file:<dir>, blob:<container-url> or blob-conn:<container>')
      .default('file:./.data'),
  ),
  AZURE_STORAGE_CONNECTION_STRING: optionalString,
  MFA_FRESHNESS_MINUTES: wholeNumber(1, 1440, 5),
  POLICY_CACHE_SECONDS: wholeNumber(0, 86400, 300),
  SIGNIN_LOOKBACK_DAYS: wholeNumber(1, 30, 7),
  GRAPH_REPORTS_QUOTA: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .default(quotaText(GRAPH_REPORTS_DEFAULT))
      .transform(
        (v, ctx) => parseQuota(v) ?? (ctx.addIssue({ code: 'custom', message: 'must be requests/seconds such as 5/10' }), z.NEVER),
      ),
  ),
  ESCALATION_WEBHOOK_URL: z.preprocess(
    blankAsUndefined,
    z.string().url('must be an https URL').startsWith('https://', 'must be an https URL').optional(),
  ),
  PLAYGROUND: flag(true),
  PLAYGROUND_PORT: z.preprocess(blankAsUndefined, wholeNumberIn(1, 65535).optional()),
  SANDBOX: z.preprocess(blankAsUndefined, z.enum(['on', 'off'], { errorMap: () => ({ message: 'must be on or off' }) }).optional()),
  CLICK_BUDGET_MS: wholeNumber(10, 14_000, 8_000),
  RUN_RETENTION_DAYS: wholeNumber(1, 3650, 30),
  AUDIT_RETENTION_DAYS: wholeNumber(1, 36500, 365),
  LOG_ANALYTICS_WORKSPACE_ID: optionalGuid('the Log Analytics workspace ID'),
  DIGEST_SCHEDULE: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .default(DIGEST_SCHEDULE_DEFAULT)
      .transform((v, ctx) => {
        const parsed = parseDigestSchedule(v);
        if (parsed !== 'off' && 'error' in parsed) {
          ctx.addIssue({ code: 'custom', message: parsed.error });
          return z.NEVER;
        }
        return parsed;
      }),
  ),
  SWEEP_CSV_HOURS: wholeNumber(1, 168, 24),
  BOT_PUBLIC_URL: z.preprocess(blankAsUndefined, z.string().url('must be an absolute URL such as https://passkey-doctor.azurewebsites.net').optional()),
});

export type GraphMode = 'tenant' | 'emulator' | 'sandbox';

export type StateStoreConfig =
  | { kind: 'file'; dir: string }
  | { kind: 'blob'; containerUrl: string }
  | { kind: 'blob-conn'; container: string; connectionString: string };

export interface AppConfig {
  graph: {
    /** tenant: real Graph with a token; emulator: a loopback Graph without a token; sandbox: the built-in demo tenant. */
    mode: GraphMode;
    cloud: CloudName;
    /** Graph root without a version path; for `sandbox` it is set once the sandbox listens. */
    baseUrl: string | undefined;
    authorityHost: string;
    credential: { kind: 'client-secret' | 'client-certificate' | 'managed-identity'; tenantId?: string; clientId?: string } | null;
  };
  bot: {
    id: string | undefined;
    password: string | undefined;
    type: 'SingleTenant' | 'UserAssignedMsi' | undefined;
    tenantId: string | undefined;
    port: number;
  };
  operatorsGroupId: string | undefined;
  tapApproversGroupId: string | undefined;
  tapSecondApprover: boolean;
  tapOneTime: boolean;
  tapRequestsPerHour: number;
  stateStore: StateStoreConfig;
  mfaFreshnessMinutes: number;
  policyCacheSeconds: number;
  signInLookbackDays: number;
  /** Graph's reports limit the scheduler keeps within (docs/contracts.md §5). */
  reportsQuota: Quota;
  escalationWebhookUrl: string | undefined;
  playground: boolean;
  /**
   * The Agents Playground's port: PLAYGROUND_PORT, else 56150 moved by as much as PORT was,
   * so a second bot's playground does not collide with the first's.
   */
  playgroundPort: number;
  /** How long a card click may work before it answers "still working" (Teams gives up on an invoke after about 15 s). */
  clickBudgetMs: number;
  /** How long a sweep's members CSV stays downloadable. */
  sweepCsvHours: number;
  /** The bot's own address as Teams users reach it (CSV links); the listening address when absent. */
  botPublicUrl?: string;
  /** Diagnosis runs older than this are pruned. */
  runRetentionDays: number;
  /** Audit entries older than this are pruned; kept longer than runs. */
  auditRetentionDays: number;
  /** Reports run as KQL in this workspace (docs/contracts.md §9) instead of through Graph. */
  logAnalyticsWorkspaceId: string | undefined;
  /** When the weekly digest posts, or off. */
  digestSchedule: DigestSchedule | 'off';
}

const DEFAULT_PLAYGROUND_PORT = 56150;

/** The settings that stop start-up, each naming the variable to fix (the sentences are in src/errors/catalog.ts). */
type ConfigProblem =
  | 'credentialIncomplete'
  | 'storageConnectionMissing'
  | 'graphBaseUrlNotLoopback'
  | 'sandboxWithTenant'
  | 'botWithoutCredential'
  | 'singleTenantBot'
  | 'managedIdentityBot'
  | 'workspaceWithoutCredential';

function fail(variable: string, problem: ConfigProblem): never {
  throw new PasskeyDoctorError('CONFIG_INVALID', problem, { variable }, { details: { variable } });
}

function credentialOf(env: z.infer<typeof envSchema>): AppConfig['graph']['credential'] {
  const { AZURE_TENANT_ID: tenantId, AZURE_CLIENT_ID: clientId } = env;
  if (env.AZURE_CLIENT_SECRET || env.AZURE_CLIENT_CERTIFICATE_PATH) {
    if (!tenantId) fail('AZURE_TENANT_ID', 'credentialIncomplete');
    if (!clientId) fail('AZURE_CLIENT_ID', 'credentialIncomplete');
    return { kind: env.AZURE_CLIENT_SECRET ? 'client-secret' : 'client-certificate', tenantId, clientId };
  }
  if (env.IDENTITY_ENDPOINT || env.MSI_ENDPOINT) return { kind: 'managed-identity', clientId };
  return null;
}

function stateStoreOf(env: z.infer<typeof envSchema>): StateStoreConfig {
  const value = env.STATE_STORE;
  if (value.startsWith('file:')) return { kind: 'file', dir: value.slice('file:'.length) };
  if (value.startsWith('blob:')) return { kind: 'blob', containerUrl: value.slice('blob:'.length) };
  if (!env.AZURE_STORAGE_CONNECTION_STRING) fail('AZURE_STORAGE_CONNECTION_STRING', 'storageConnectionMissing');
  return { kind: 'blob-conn', container: value.slice('blob-conn:'.length), connectionString: env.AZURE_STORAGE_CONNECTION_STRING };
}

/** Reads and validates the configuration; throws CONFIG_INVALID naming the first bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0]);
    const got = source[variable];
    const problem = `${issue.message}${got !== undefined && !/SECRET|PASSWORD|CONNECTION/.test(variable) ? ` (got '${got}')` : ''}`;
    throw new PasskeyDoctorError('CONFIG_INVALID', 'variable', { variable, problem }, { details: { variable } });
  }
  const env = parsed.data;
  const cloud = CLOUDS[env.AZURE_CLOUD];
  const credential = credentialOf(env);
  let mode: GraphMode = 'sandbox';
  if (credential) mode = 'tenant';
  else if (env.GRAPH_BASE_URL) {
    if (!isLoopbackUrl(env.GRAPH_BASE_URL)) {
      fail('GRAPH_BASE_URL', 'graphBaseUrlNotLoopback');
    }
    mode = 'emulator';
  }
  if (env.SANDBOX === 'on' && mode !== 'sandbox') {
    fail('SANDBOX', 'sandboxWithTenant');
  }
  // A registered bot with no Graph credential would answer real Teams users from the demo tenant: only on purpose.
  if (env.BOT_ID && mode === 'sandbox' && env.SANDBOX !== 'on') {
    fail('BOT_ID', 'botWithoutCredential');
  }
  if (env.BOT_TYPE === 'SingleTenant' && (!env.BOT_ID || !env.BOT_PASSWORD || !env.BOT_TENANT_ID)) {
    fail('BOT_TYPE', 'singleTenantBot');
  }
  if (env.BOT_TYPE === 'UserAssignedMsi' && (!env.BOT_ID || !env.BOT_TENANT_ID)) {
    fail('BOT_TYPE', 'managedIdentityBot');
  }
  if (env.LOG_ANALYTICS_WORKSPACE_ID && mode !== 'tenant') {
    fail('LOG_ANALYTICS_WORKSPACE_ID', 'workspaceWithoutCredential');
  }
  return {
    graph: {
      mode,
      cloud: env.AZURE_CLOUD,
      baseUrl: (env.GRAPH_BASE_URL ?? (mode === 'tenant' ? cloud.graph : undefined))?.replace(/\/+$/, ''),
      authorityHost: cloud.authority,
      credential,
    },
    bot: { id: env.BOT_ID, password: env.BOT_PASSWORD, type: env.BOT_TYPE, tenantId: env.BOT_TENANT_ID, port: env.PORT },
    operatorsGroupId: env.OPERATORS_GROUP_ID,
    tapApproversGroupId: env.TAP_APPROVERS_GROUP_ID,
    tapSecondApprover: env.TAP_SECOND_APPROVER,
    tapOneTime: env.TAP_ONE_TIME,
    tapRequestsPerHour: env.TAP_REQUESTS_PER_HOUR,
    stateStore: stateStoreOf(env),
    mfaFreshnessMinutes: env.MFA_FRESHNESS_MINUTES,
    policyCacheSeconds: env.POLICY_CACHE_SECONDS,
    signInLookbackDays: env.SIGNIN_LOOKBACK_DAYS,
    reportsQuota: env.GRAPH_REPORTS_QUOTA,
    escalationWebhookUrl: env.ESCALATION_WEBHOOK_URL,
    playground: env.PLAYGROUND,
    playgroundPort: env.PLAYGROUND_PORT ?? Math.min(65535, DEFAULT_PLAYGROUND_PORT + env.PORT - DEFAULT_PORT),
    clickBudgetMs: env.CLICK_BUDGET_MS,
    sweepCsvHours: env.SWEEP_CSV_HOURS,
    ...(env.BOT_PUBLIC_URL ? { botPublicUrl: env.BOT_PUBLIC_URL.replace(/\/+$/, '') } : {}),
    runRetentionDays: env.RUN_RETENTION_DAYS,
    auditRetentionDays: env.AUDIT_RETENTION_DAYS,
    logAnalyticsWorkspaceId: env.LOG_ANALYTICS_WORKSPACE_ID,
    digestSchedule: env.DIGEST_SCHEDULE,
  };
}
