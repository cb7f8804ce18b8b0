/**
 * The Teams app package, checked offline: the manifest against the JSON
 * schema bundled in @microsoft/app-manifest (the `$schema` URL needs the
 * network), the icons' sizes and transparency, and the Toolkit files.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import Ajv from 'ajv-draft-04';
import AjvDraft7 from 'ajv';
import addFormats from 'ajv-formats';

const ROOT = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

const manifestTemplate = JSON.parse(read('appPackage/manifest.json'));

/** The manifest as `teamsapp package` resolves it for an environment. */
function resolved(values: Record<string, string>): Record<string, unknown> {
  return JSON.parse(read('appPackage/manifest.json').replace(/\$\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? ''));
}

function validatorFor(manifestVersion: string) {
  const schemaDir = join(ROOT, `node_modules/@microsoft/app-manifest/build/json-schemas/teams/v${manifestVersion}`);
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(schemaDir, 'MicrosoftTeams.schema.json'), 'utf8')));
}

/** Width, height, colour type and RGBA rows of a PNG (8-bit, filter "none" or any standard filter). */
function decodePng(path: string) {
  const data = readFileSync(join(ROOT, path));
  const width = data.readUInt32BE(16);
  const height = data.readUInt32BE(20);
  const colourType = data[25];
  const idat: Buffer[] = [];
  for (let offset = 8; offset < data.length; ) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('ascii', offset + 4, offset + 8);
    if (type === 'IDAT') idat.push(data.subarray(offset + 8, offset + 8 + length));
    offset += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4 + 1;
  const pixels: number[][] = [];
  for (let y = 0; y < height; y++) {
    expect(raw[y * stride]).toBe(0); // our generator writes filter type 0
    for (let x = 0; x < width; x++) pixels.push([...raw.subarray(y * stride + 1 + x * 4, y * stride + 5 + x * 4)]);
  }
  return { width, height, colourType, pixels };
}

describe('Teams app package', () => {
  it('uses placeholders for the ids the Toolkit provisions', () => {
    expect(manifestTemplate.id).toBe('${{TEAMS_APP_ID}}');
    expect(manifestTemplate.bots[0].botId).toBe('${{BOT_ID}}');
    expect(manifestTemplate.$schema).toBe(`https://developer.microsoft.com/en-us/json-schemas/teams/v${manifestTemplate.manifestVersion}/MicrosoftTeams.schema.json`);
  });

  it('validates against its manifest JSON schema, bundled for offline use', () => {
    const validate = validatorFor(manifestTemplate.manifestVersion);
    const manifest = resolved({ TEAMS_APP_ID: '8d4a3c2b-1e0f-4a9b-8c7d-6e5f4a3b2c1d', BOT_ID: '00000000-0000-0000-0000-000000000000', BOT_DOMAIN: 'localhost', APP_NAME_SUFFIX: '-local' });
    expect(validate(manifest) ? [] : validate.errors).toEqual([]);
  });

  it('is a bot for personal chats, group chats and teams, with diagnose, audit, route and help in its command list', () => {
    const [bot] = manifestTemplate.bots;
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual(['diagnose', 'audit', 'route', 'help']);
    expect(manifestTemplate.validDomains).toEqual(['${{BOT_DOMAIN}}']);
  });

  it('catches what the schema forbids (the check is not vacuous)', () => {
    const validate = validatorFor(manifestTemplate.manifestVersion);
    const broken = resolved({ TEAMS_APP_ID: 'not-a-guid', BOT_ID: '00000000-0000-0000-0000-000000000000', BOT_DOMAIN: 'localhost' }) as any;
    broken.bots[0].scopes = ['groupchat'];
    delete broken.accentColor;
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath || e.params)).toEqual(expect.arrayContaining(['/id', '/bots/0/scopes/0']));
  });

  it('has a 192×192 full-colour icon and a 32×32 white-on-transparent outline icon', () => {
    const color = decodePng('appPackage/color.png');
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(color.pixels.every(([, , , a]) => a === 255)).toBe(true);
    const outline = decodePng('appPackage/outline.png');
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.pixels.some(([, , , a]) => a === 0)).toBe(true);
    expect(outline.pixels.some(([, , , a]) => a === 255)).toBe(true);
    expect(outline.pixels.every(([r, g, b, a]) => a === 0 || (r === 255 && g === 255 && b === 255))).toBe(true);
  });
});

/** The Toolkit's own YAML parser and schemas, from the Agents Toolkit CLI's core (no network, no extra package). */
const toolkitCli = dirname(require.resolve('@microsoft/m365agentstoolkit-cli/package.json'));
const toolkitCore = dirname(require.resolve('@microsoft/teamsfx-core/package.json', { paths: [toolkitCli] }));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml: { load(text: string): unknown } = require(require.resolve('js-yaml', { paths: [toolkitCore] }));

describe('Teams Toolkit project files', () => {
  it.each(['teamsapp.yml', 'teamsapp.local.yml', 'teamsapp.testtool.yml'])('%s validates against the Toolkit YAML schema of its version', (file) => {
    const project = yaml.load(read(file)) as { version: string };
    const schema = JSON.parse(readFileSync(join(toolkitCore, `resource/yaml-schema/${project.version}/yaml.schema.json`), 'utf8'));
    const validate = new AjvDraft7({ allErrors: true, strict: false }).compile(schema);
    expect(validate(project) ? [] : validate.errors).toEqual([]);
  });

  it('provisions the app, the Azure resources from infra/azure.bicep, and validates, zips and updates the package', () => {
    const yml = read('teamsapp.yml');
    const steps = [...yml.matchAll(/- uses: ([\w/]+)/g)].map((m) => m[1]);
    expect(steps.slice(0, 6)).toEqual(['teamsApp/create', 'arm/deploy', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/update']);
    expect(yml).toContain('path: ./infra/azure.bicep');
    expect(steps).toContain('azureAppService/zipDeploy');
  });

  it('runs the bot as a single-tenant or managed-identity bot, never multi-tenant', () => {
    expect(read('infra/botRegistration/azurebot.bicep')).toContain("msaAppType: 'UserAssignedMSI'");
    expect(read('infra/azure.bicep')).toMatch(/name: 'BOT_TYPE'\s+value: 'UserAssignedMsi'/);
    expect(read('teamsapp.local.yml')).toContain('signInAudience: AzureADMyOrg');
    expect(read('teamsapp.local.yml')).toContain('BOT_TYPE: SingleTenant');
    expect(read('teamsapp.local.yml')).not.toContain('botAadApp/create');
  });

  it('gives the bot a storage container for state reached with its managed identity, not a key', () => {
    const bicep = read('infra/azure.bicep');
    expect(bicep).toContain("Microsoft.Storage/storageAccounts/blobServices/containers");
    expect(bicep).toContain('allowSharedKeyAccess: false');
    expect(bicep).toMatch(/name: 'STATE_STORE'\s+value: 'blob:\$\{storage\.properties\.primaryEndpoints\.blob\}\$\{stateContainerName\}'/);
  });

  it('uses the npm Agents Playground for the test tool, not a download', () => {
    const yml = read('teamsapp.testtool.yml');
    expect(yml).not.toContain('devTool/install');
    expect(yml).toContain('@microsoft/m365agentsplayground');
  });

  it('keeps secrets out of committed env files', () => {
    for (const env of ['local', 'dev', 'testtool']) {
      const text = read(`env/.env.${env}`);
      expect(text).not.toMatch(/^SECRET_\w+=\S/m);
      expect(text).not.toMatch(/PASSWORD=\S/);
    }
    expect(read('.gitignore')).toMatch(/^env\/\.env\.\*\.user$/m);
  });
});
