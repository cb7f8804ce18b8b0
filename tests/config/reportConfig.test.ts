import { loadConfig } from '../../src/config/schema';

const TENANT = { AZURE_TENANT_ID: '11111111-1111-1111-1111-111111111111', AZURE_CLIENT_ID: '22222222-2222-2222-2222-222222222222', AZURE_CLIENT_SECRET: 's' };

describe('report and digest configuration', () => {
  it('defaults the digest to Mondays 09:00 UTC and reads the report through Graph', () => {
    const config = loadConfig({});
    expect(config.digestSchedule).toMatchObject({ weekday: 1, hour: 9, minute: 0, timeZone: 'UTC' });
    expect(config.logAnalyticsWorkspaceId).toBeUndefined();
  });

  it('takes DIGEST_SCHEDULE=off and a schedule in a time zone', () => {
    expect(loadConfig({ DIGEST_SCHEDULE: 'off' }).digestSchedule).toBe('off');
    expect(loadConfig({ DIGEST_SCHEDULE: 'fri 16:30 Europe/London' }).digestSchedule).toMatchObject({ weekday: 5, timeZone: 'Europe/London' });
  });

  it('stops start-up with one sentence naming DIGEST_SCHEDULE when it cannot be read', () => {
    expect(() => loadConfig({ DIGEST_SCHEDULE: 'mon 9am' })).toThrow(/^DIGEST_SCHEDULE must be "<weekday> <HH:MM> <time zone>"/);
    expect(() => loadConfig({ DIGEST_SCHEDULE: 'mon 09:00 Europe/Atlantis' })).toThrow(/^DIGEST_SCHEDULE names an unknown time zone/);
  });

  it('needs Azure credentials for LOG_ANALYTICS_WORKSPACE_ID, and a GUID', () => {
    expect(() => loadConfig({ LOG_ANALYTICS_WORKSPACE_ID: '6b1f5c2e-2f2a-4d8e-9f55-0c1d2e3f4a5b' })).toThrow(/^LOG_ANALYTICS_WORKSPACE_ID needs an Azure credential/);
    expect(() => loadConfig({ ...TENANT, OPERATORS_GROUP_ID: '33333333-3333-3333-3333-333333333333', LOG_ANALYTICS_WORKSPACE_ID: 'my-workspace' })).toThrow(/^LOG_ANALYTICS_WORKSPACE_ID/);
    const config = loadConfig({ ...TENANT, OPERATORS_GROUP_ID: '33333333-3333-3333-3333-333333333333', LOG_ANALYTICS_WORKSPACE_ID: '6b1f5c2e-2f2a-4d8e-9f55-0c1d2e3f4a5b' });
    expect(config.logAnalyticsWorkspaceId).toBe('6b1f5c2e-2f2a-4d8e-9f55-0c1d2e3f4a5b');
  });
});
