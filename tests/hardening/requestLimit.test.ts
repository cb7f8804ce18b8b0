/** TAP_REQUESTS_PER_HOUR counts requests created, not clicks; the person's id is compared without case. */
import { runForOwnUser, PEOPLE, harness } from '../actions/fakes';

describe('the hourly TAP request limit', () => {
  it('takes one slot for twenty concurrent clicks on one card', async () => {
    const h = harness({ perHour: 3 });
    const results = await Promise.all(Array.from({ length: 20 }, () => h.tap.request(PEOPLE.operator, runForOwnUser(h, 'run-1'), { conversationId: 'c' })));
    expect(results.filter((r) => r.kind === 'requested')).toHaveLength(1);
    expect(results.some((r) => r.kind === 'refused' && r.code === 'REQUEST.RATE_LIMITED')).toBe(false);
    // Two more cards still go through: the twenty clicks used one slot of three.
    expect((await h.tap.request(PEOPLE.operator, runForOwnUser(h, 'run-2'), { conversationId: 'c' })).kind).toBe('requested');
    expect((await h.tap.request(PEOPLE.operator, runForOwnUser(h, 'run-3'), { conversationId: 'c' })).kind).toBe('requested');
    expect(await h.tap.request(PEOPLE.operator, runForOwnUser(h, 'run-4'), { conversationId: 'c' })).toMatchObject({ code: 'REQUEST.RATE_LIMITED' });
  });

  it('counts the same person once whatever the case of their object id', async () => {
    const h = harness({ perHour: 1 });
    const upper = { ...PEOPLE.operator, id: PEOPLE.operator.id.toUpperCase() };
    h.directory.members.set(upper.id, h.directory.members.get(PEOPLE.operator.id)!);
    expect((await h.tap.request(PEOPLE.operator, runForOwnUser(h, 'run-1'))).kind).toBe('requested');
    expect(await h.tap.request(upper, runForOwnUser(h, 'run-2'))).toMatchObject({ code: 'REQUEST.RATE_LIMITED' });
  });
});
