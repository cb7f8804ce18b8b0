/**
 * What each card action's `data` must hold, checked by the guard before a
 * handler runs: the client sends whatever it likes, so only these ids (and
 * flags) go further, and unknown fields are dropped. An id of the right
 * shape may still name nothing; the store and the workflows answer that.
 */
import { z } from 'zod';

/** Ids are short: a UUID, or a kind prefix and a UUID. Longer strings are not ours. */
const id = z.string().max(200);

/** `Action.Execute` data sends `true`; an `Input.Toggle` sends the string "true". */
const flag = z.unknown().transform((value) => value === true || value === 'true');

/** A card about one diagnosis: its run id. */
export const runData = z.object({ runId: id });

/** A card about one approval request: its id. */
export const requestData = z.object({ requestId: id });

/** "Approve" on a TAP request; `replaceExisting` only as the card sends it, `true`. */
export const tapApproveData = z.object({ requestId: id, replaceExisting: z.unknown().transform((value) => value === true) });

/**
 * The operator picked a passkey from the list card and chose whether to revoke
 * sessions. A passkey id that is not a string names no passkey: it goes on as
 * empty, so the workflow answers it as it answers any id the user does not hold.
 */
export const removalRequestData = z.object({
  runId: id,
  methodId: z.unknown().transform((value) => (typeof value === 'string' ? value : '')),
  revokeSessions: flag,
});

/** The device form: the run, and the form's fields, which the device parser validates like typed options. */
export const deviceFormData = z.object({ runId: id }).passthrough();

/** "Diagnose" on a digest's outreach row: the digest and the row; the server looks the person up. */
export const digestRowData = z.object({ digestId: id, row: z.number().int().min(0).max(10_000) });

/** "Cancel" on a running sweep's card: the sweep's id; who may cancel is decided at the click. */
export const sweepData = z.object({ sweepId: id });

/** A card whose action carries nothing the handler reads: whatever comes is dropped. */
export const noData = z.unknown().transform((): Record<string, never> => ({}));

export type RunData = z.infer<typeof runData>;
export type RequestData = z.infer<typeof requestData>;
export type TapApproveData = z.infer<typeof tapApproveData>;
export type RemovalRequestData = z.infer<typeof removalRequestData>;
export type DeviceFormData = z.infer<typeof deviceFormData>;
export type NoData = z.infer<typeof noData>;
