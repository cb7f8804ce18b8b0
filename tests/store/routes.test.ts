import { MemoryStorage } from 'botbuilder';
import { ChannelRoutes } from '../../src/store/routes';
import { VersionedStore } from '../../src/store/versionedStore';

describe('escalation routes', () => {
  it('keeps the latest registration per owner', async () => {
    const routes = new ChannelRoutes(new VersionedStore(new MemoryStorage()));
    const route = (id: string) => ({ owner: 'identity' as const, conversation: { conversation: { id, isGroup: true, conversationType: 'channel', name: '' } }, registeredBy: { id: 'op-1', name: 'Hana' }, registeredAt: '2026-11-22T10:00:00Z' });
    await routes.register('identity', route('19:first'));
    await routes.register('identity', route('19:second'));
    expect((await routes.get('identity'))?.conversation.conversation?.id).toBe('19:second');
    expect(await routes.get('endpoint')).toBeUndefined();
  });
});
