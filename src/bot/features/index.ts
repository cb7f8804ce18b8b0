/** The bot's features, in matching order. New features (TAP, escalation, audit, …) are added here. */
import type { BotFeature } from '../feature';
import { deviceDetailsFeature } from './deviceDetails';
import { diagnoseFeature } from './diagnose';
import { helpFeature } from './help';
import { rerunFeature } from './rerun';

export const FEATURES: BotFeature[] = [diagnoseFeature, helpFeature, rerunFeature, deviceDetailsFeature];
