import { deviceFormData, removalRequestData, requestData, runData, tapApproveData } from '../../src/bot/cardData';
import { FEATURES } from '../../src/bot/features';

describe('card action data, checked at the edge', () => {
  it('gives every card action a schema for its data and an answer for data that does not fit', () => {
    for (const action of FEATURES.flatMap((f) => f.cardActions ?? [])) {
      expect(typeof action.data.safeParse).toBe('function');
      expect(action.misfit.length).toBeGreaterThan(0);
    }
  });

  it('passes on only the ids a handler reads, dropping every other field the client sent', () => {
    expect(runData.parse({ runId: 'r-1', userId: 'someone-else', upn: 'mallory@contoso.com' })).toEqual({ runId: 'r-1' });
    expect(requestData.parse({ requestId: 'tap-1', lifetimeInMinutes: 9999 })).toEqual({ requestId: 'tap-1' });
  });

  it('refuses ids that are not short strings: objects, arrays, numbers, missing, or too long', () => {
    for (const runId of [{ $ne: null }, ['x'], 42, undefined, 'x'.repeat(201)]) expect(runData.safeParse({ runId }).success).toBe(false);
    expect(requestData.safeParse(null).success).toBe(false);
  });

  it('reads a replace confirmation only as the card sends it, and a toggle as Teams sends it', () => {
    expect(tapApproveData.parse({ requestId: 't', replaceExisting: 'true' }).replaceExisting).toBe(false);
    expect(tapApproveData.parse({ requestId: 't', replaceExisting: true }).replaceExisting).toBe(true);
    expect(removalRequestData.parse({ runId: 'r', methodId: 'm', revokeSessions: 'true' }).revokeSessions).toBe(true);
    expect(removalRequestData.parse({ runId: 'r', methodId: 'm' }).revokeSessions).toBe(false);
    expect(removalRequestData.parse({ runId: 'r', methodId: 42 }).methodId).toBe('');
  });

  it('keeps the device form fields for the device parser, which validates them like typed options', () => {
    expect(deviceFormData.parse({ runId: 'r', os: 'ios', browser: 'safari' })).toEqual({ runId: 'r', os: 'ios', browser: 'safari' });
  });
});
