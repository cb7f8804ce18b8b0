/** The bot's features, in matching order. New features are added here. */
import type { BotFeature } from '../feature';
import { actingAsFeature } from './actingAs';
import { approvalsRouteFeature } from './approvalsRoute';
import { auditFeature } from './audit';
import { deviceDetailsFeature } from './deviceDetails';
import { diagnoseFeature } from './diagnose';
import { digestFeature } from './digest';
import { escalateFeature } from './escalate';
import { helpFeature } from './help';
import { passkeyRemovalFeature } from './passkeyRemoval';
import { policyCheckFeature } from './policyCheck';
import { rerunFeature } from './rerun';
import { routeHereFeature } from './routeHere';
import { sweepFeature } from './sweep';
import { tapApprovalFeature } from './tapApproval';
import { tapRequestFeature } from './tapRequest';

export const FEATURES: BotFeature[] = [
  diagnoseFeature,
  helpFeature,
  auditFeature,
  approvalsRouteFeature,
  // Before routeHere, whose /^route/ would take `route digest here`.
  digestFeature,
  routeHereFeature,
  rerunFeature,
  deviceDetailsFeature,
  tapRequestFeature,
  tapApprovalFeature,
  passkeyRemovalFeature,
  escalateFeature,
  actingAsFeature,
  policyCheckFeature,
  sweepFeature,
];
