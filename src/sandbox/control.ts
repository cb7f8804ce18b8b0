/**
 * `/_sandbox/*`: switches for out-of-process tests and benchmarks. They live
 * outside any version path, so no Graph client reaches them by accident.
 */
import { faultPlanSchema, type FaultPlan } from './faults';
import { GraphError, segmentNotFound } from './graphErrors';
import { objectOrEmpty } from './json';
import type { Licence } from './exchange';

export interface SandboxControls {
  setFaults(plan: FaultPlan): void;
  setLicence(licence: Licence): void;
}

export const CONTROL_PREFIX = '/_sandbox/';

/** Applies a control request; returns the status to answer with, or throws a GraphError. */
export function handleControl(method: string, path: string, body: unknown, controls: SandboxControls): number {
  const action = path.slice(CONTROL_PREFIX.length).toLowerCase();
  if (method !== 'POST') throw new GraphError(405, 'Request_BadRequest', 'Sandbox controls accept POST only.');
  if (action === 'faults') {
    const plan = faultPlanSchema.safeParse(body ?? {});
    if (!plan.success) throw new GraphError(400, 'BadRequest', `Invalid fault plan: ${plan.error.issues[0]?.message ?? ''}`);
    controls.setFaults(plan.data);
    return 204;
  }
  if (action === 'licence') {
    const licence = objectOrEmpty(body)['licence'];
    if (licence !== 'P1' && licence !== 'free') {
      throw new GraphError(400, 'BadRequest', "Body must be { \"licence\": \"P1\" | \"free\" }.");
    }
    controls.setLicence(licence);
    return 204;
  }
  throw segmentNotFound(action);
}
