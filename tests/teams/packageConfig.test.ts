/**
 * What `npm install` and the deploy rely on in package.json: every dependency
 * with an install script is decided in allowScripts (so npm neither runs an
 * unreviewed one nor warns), build-time packages stay out of what App
 * Service installs, and the documented schema ships with the package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));

describe('package.json', () => {
  it('decides in allowScripts every installed package that has an install script', () => {
    const withScripts = Object.entries<any>(lock.packages)
      .filter(([path, entry]) => path && entry.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect([name, typeof pkg.allowScripts[name]]).toEqual([name, 'boolean']);
  });

  it('keeps build-time and test packages out of the production dependencies App Service installs', () => {
    for (const name of ['typescript', 'rimraf', 'jest', 'ts-jest', 'playwright-core', 'azurite', '@microsoft/m365agentstoolkit-cli']) {
      expect([name, name in pkg.dependencies]).toEqual([name, false]);
    }
  });

  it('targets Node 24 LTS (22 supported) and lets development run on Node 20', () => {
    expect(pkg.engines.node).toBe('^22.12 || ^24');
    expect(pkg.devEngines.runtime).toMatchObject({ name: 'node', version: '^20.19 || ^22.12 || ^24' });
    expect(readFileSync(join(ROOT, 'infra/azure.bicep'), 'utf8')).toContain("linuxFxVersion: 'NODE|24-lts'");
  });

  it('ships the verdict JSON Schema it documents', () => {
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'schemas']));
    expect(existsSync(join(ROOT, 'schemas/verdict.schema.json'))).toBe(true);
  });
});
