/** Every policy-check rule; each file holds one, each returns codes and evidence, never sentences. */
import type { PolicyRule } from '../context';
import { allowListEmpty } from './allowListEmpty';
import { attestationWithoutAllowList } from './attestationWithoutAllowList';
import { authenticatorAppBlocked } from './authenticatorAppBlocked';
import { campaignIneffective } from './campaignIneffective';
import { manyExclusions } from './manyExclusions';
import { methodDisabled } from './methodDisabled';
import { noTargets } from './noTargets';
import { phishingResistantAllResources } from './phishingResistantAllResources';
import { profileUnused } from './profileUnused';
import { registrationCaWithoutTap } from './registrationCaWithoutTap';
import { securityDefaultsOn } from './securityDefaultsOn';
import { selfServiceOff } from './selfServiceOff';
import { syncedWithAttestation } from './syncedWithAttestation';
import { tapDisabled } from './tapDisabled';
import { tapScopeNarrower } from './tapScopeNarrower';
import { targetGroupMissing } from './targetGroupMissing';
import { windowsHelloNotAllowed } from './windowsHelloNotAllowed';

export const RULES: PolicyRule[] = [
  methodDisabled,
  noTargets,
  selfServiceOff,
  allowListEmpty,
  targetGroupMissing,
  manyExclusions,
  attestationWithoutAllowList,
  authenticatorAppBlocked,
  tapDisabled,
  tapScopeNarrower,
  registrationCaWithoutTap,
  securityDefaultsOn,
  profileUnused,
  syncedWithAttestation,
  windowsHelloNotAllowed,
  campaignIneffective,
  phishingResistantAllResources,
];
