import { known, missing } from '../../src/model/facts';
import { evaluatePolicyTargeting } from '../../src/diagnosis/layers/policyTargeting/policyTargeting';
import { GROUPS, USER_ID, allUsers, blocking, codes, contextOf, gap, group, only, readyWorld, type World } from './builders';

const run = (world: World) => evaluatePolicyTargeting(contextOf(world));

describe('layer 1: passkey policy targeting', () => {
  it('passes a member targeted through a group they belong to directly', () => {
    expect(run(readyWorld())).toEqual([]);
  });

  it('fails when the Passkey (FIDO2) method is disabled', () => {
    const world = readyWorld();
    world.policy.fido2.state = 'disabled';
    const f = only(run(world), 'L1.METHOD_DISABLED');
    expect(f.severity).toBe('fail');
    expect(f.evidence).toEqual({ state: 'disabled' });
  });

  it('fails with the method disabled when the policy has no Fido2 configuration at all', () => {
    const world = readyWorld();
    world.policyFact = known({ ...world.policy, fido2: null });
    expect(codes(run(world))).toEqual(['L1.METHOD_DISABLED']);
  });

  it('fails a user in no include target and names the targets by group name', () => {
    const world = readyWorld();
    world.memberOf = known([]);
    world.directGroupIds = known([]);
    const f = only(run(world), 'L1.NOT_TARGETED');
    expect(f.message).toContain('Alice Example');
    expect(f.message).toContain('"Passkey pilot"');
    expect(f.evidence).toEqual({ includeTargets: [{ id: GROUPS.pilot, targetType: 'group', name: 'Passkey pilot' }] });
  });

  it('names a target group by its id when the tenant snapshot has no name for it', () => {
    const world = readyWorld();
    world.memberOf = known([]);
    world.targetGroups = missing(gap('GRAPH.UNAVAILABLE', { request: 'POST /directoryObjects/getByIds' }));
    expect(only(run(world), 'L1.NOT_TARGETED').message).toContain(GROUPS.pilot);
  });

  it('matches a user-type include target on the user id', () => {
    const world = readyWorld();
    world.policy.fido2.includeTargets = [{ id: USER_ID.toUpperCase(), targetType: 'user' }];
    world.memberOf = known([]);
    expect(blocking(run(world))).toEqual([]);
  });

  it('excludes a user through a nested exclusion group and names the group', () => {
    const world = readyWorld();
    world.policy.fido2.excludeTargets = [group(GROUPS.contractors)];
    world.memberOf = known([GROUPS.pilot, GROUPS.contractors, GROUPS.nestedTeam]);
    world.directGroupIds = known([GROUPS.pilot, GROUPS.nestedTeam]);
    const f = only(run(world), 'L1.EXCLUDED');
    expect(f.message).toContain('"Contractors" (through a nested group)');
    expect(f.evidence).toEqual({ excludedBy: [{ id: GROUPS.contractors, targetType: 'group', name: 'Contractors', nested: true, via: [] }] });
    expect(f.fix).toBe(
      'Remove Alice Example from "Contractors" (or from the nested group that puts them there), or take the group out of the passkey policy\'s exclusions if it was not meant for Alice Example.',
    );
  });

  it('names the nested group that puts the user in the exclusion when the tenant nesting is known', () => {
    const world = readyWorld();
    world.policy.fido2.excludeTargets = [group(GROUPS.contractors)];
    world.memberOf = known([GROUPS.pilot, GROUPS.contractors, GROUPS.nestedTeam]);
    world.directGroupIds = known([GROUPS.pilot, GROUPS.nestedTeam]);
    world.tenantExtras = {
      exclusionNestedGroups: known({ [GROUPS.contractors]: [{ id: GROUPS.nestedTeam, displayName: 'Finance team' }, { id: '55555555-5555-4555-8555-555555555555', displayName: 'Interns' }] }),
    };
    const f = only(run(world), 'L1.EXCLUDED');
    expect(f.message).toContain('"Contractors" (through the nested group "Finance team")');
    expect(f.fix).toContain('Remove Alice Example from "Finance team" (nested in "Contractors")');
  });

  it('does not call a direct exclusion nested', () => {
    const world = readyWorld();
    world.policy.fido2.excludeTargets = [group(GROUPS.contractors)];
    world.memberOf = known([GROUPS.pilot, GROUPS.contractors]);
    world.directGroupIds = known([GROUPS.pilot, GROUPS.contractors]);
    const f = only(run(world), 'L1.EXCLUDED');
    expect(f.message).not.toContain('nested');
    expect(f.evidence?.excludedBy).toEqual([expect.objectContaining({ nested: false })]);
  });

  it('lets exclusion win over an All users include target', () => {
    const world = readyWorld();
    world.policy.fido2.includeTargets = [allUsers()];
    world.policy.fido2.excludeTargets = [group(GROUPS.contractors)];
    world.memberOf = known([GROUPS.contractors]);
    world.directGroupIds = known([GROUPS.contractors]);
    expect(codes(blocking(run(world)))).toEqual(['L1.EXCLUDED']);
  });

  it('fails when self-service set up is off, even for a targeted user', () => {
    const world = readyWorld();
    world.policy.fido2.isSelfServiceRegistrationAllowed = false;
    expect(codes(run(world))).toEqual(['L1.SELF_SERVICE_OFF']);
  });

  it('fails a guest by user type', () => {
    const world = readyWorld();
    world.user.userType = 'Guest';
    expect(codes(run(world))).toEqual(['L1.GUEST_USER']);
  });

  it('fails a guest recognised only by the #EXT# user principal name', () => {
    const world = readyWorld();
    world.user.userType = null;
    world.user.userPrincipalName = 'bob_fabrikam.com#EXT#@contoso.onmicrosoft.com';
    expect(codes(run(world))).toEqual(['L1.GUEST_USER']);
  });

  it('fails a disabled account', () => {
    const world = readyWorld();
    world.user.accountEnabled = false;
    expect(codes(run(world))).toEqual(['L1.ACCOUNT_DISABLED']);
  });

  it('notes security defaults without blocking on them', () => {
    const world = readyWorld();
    world.securityDefaults = known({ isEnabled: true });
    const f = only(run(world), 'L1.SECURITY_DEFAULTS_ON');
    expect(f.severity).toBe('info');
  });

  it('says nothing about security defaults it could not read', () => {
    const world = readyWorld();
    world.securityDefaults = missing(gap('GRAPH.PERMISSION_MISSING', { permission: 'Policy.Read.All' }));
    expect(run(world)).toEqual([]);
  });

  it('warns about a target group that no longer exists', () => {
    const world = readyWorld();
    world.policy.fido2.includeTargets.push(group(GROUPS.deleted, []));
    const f = only(run(world), 'L1.TARGET_GROUP_MISSING');
    expect(f.severity).toBe('warn');
    expect(f.evidence).toEqual({ missingIncludeGroupIds: [GROUPS.deleted], missingExcludeGroupIds: [] });
  });

  it('does not call a group missing when group names could not be read', () => {
    const world = readyWorld();
    world.policy.fido2.excludeTargets = [group(GROUPS.deleted)];
    world.targetGroups = missing(gap('GRAPH.THROTTLED'));
    expect(run(world)).toEqual([]);
  });

  it('notes scope through a nested include group and says the docs are silent on nesting', () => {
    const world = readyWorld();
    world.memberOf = known([GROUPS.pilot, GROUPS.nestedTeam]);
    world.directGroupIds = known([GROUPS.nestedTeam]);
    const f = only(run(world), 'L1.IN_SCOPE_VIA_NESTED_GROUP');
    expect(f.severity).toBe('info');
    expect(f.message).toMatch(/do(es)? not state whether nested groups count/);
    expect(f.message).toContain('"Passkey pilot"');
  });

  it('does not call scope nested when All users also matches', () => {
    const world = readyWorld();
    world.policy.fido2.includeTargets.push(allUsers());
    world.directGroupIds = known([]);
    expect(run(world)).toEqual([]);
  });

  it('does not call scope nested when direct membership is unknown', () => {
    const world = readyWorld();
    world.directGroupIds = missing(gap('GRAPH.UNAVAILABLE'));
    expect(run(world)).toEqual([]);
  });

  it('is unknown, never a pass, when the policy cannot be read', () => {
    const world = readyWorld();
    world.policyFact = missing(gap('GRAPH.PERMISSION_MISSING', { permission: 'Policy.Read.AuthenticationMethod' }));
    const f = only(run(world), 'GRAPH.PERMISSION_MISSING');
    expect(f.severity).toBe('unknown');
    expect(f.evidence).toEqual(expect.objectContaining({ permission: 'Policy.Read.AuthenticationMethod' }));
  });

  it('is unknown when group membership cannot be read', () => {
    const world = readyWorld();
    world.memberOf = missing(gap('GRAPH.UNAVAILABLE', { request: 'POST /users/{id}/checkMemberGroups' }));
    expect(codes(run(world))).toEqual(['GRAPH.UNAVAILABLE']);
  });
});
