import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ATTESTATION_LIST, authenticatorByAaguid, isAttestationEligible } from '../../src/catalog/authenticators';

const SCRIPT = join(__dirname, '../../scripts/refresh-attestation-list.js');
const PAGE = `---
title: Microsoft Entra ID attestation for FIDO2 security key vendors
ms.date: 10/06/2026
---
The following table includes each FIDO2 security key model listed in MDS version 285 that's eligible for attestation with Microsoft Entra ID.

Description|AAGUID|Bio|USB|NFC|BLE
-----------|------|---------|-----|----|------
RSA DS100|7E3F3D30-3557-4442-bdae-139312178b39|&#10060;|&#x2705;|&#10060;|&#10060;
YubiKey Bio Series - FIDO Edition|d8522d9f-575b-4866-88a9-ba99fa02f35b|&#x2705;|&#x2705;|&#10060;|&#10060;
`;

function refresh(args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
}

describe('the attestation-eligible list', () => {
  it('carries Microsoft\'s whole table with its source and date', () => {
    expect(ATTESTATION_LIST.count).toBeGreaterThan(250);
    expect(ATTESTATION_LIST.source).toBe('https://learn.microsoft.com/entra/identity/authentication/concept-fido2-hardware-vendor');
    expect(ATTESTATION_LIST.mdsVersion).toBe(285);
    expect(isAttestationEligible('7e3f3d30-3557-4442-bdae-139312178b39')).toBe(true);
    expect(authenticatorByAaguid('7E3F3D30-3557-4442-BDAE-139312178B39')).toMatchObject({ name: 'RSA DS100', kind: 'security-key', passkeyType: 'deviceBound' });
  });

  it('is rebuilt by the refresh script from a saved copy of the page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'attestation-'));
    writeFileSync(join(dir, 'page.md'), PAGE);
    const out = join(dir, 'list.json');
    const run = refresh([join(dir, 'page.md'), '--out', out, '--retrieved', '2026-12-03']);
    expect(run.status).toBe(0);
    const list = JSON.parse(readFileSync(out, 'utf8'));
    expect(list).toMatchObject({ msDate: '2026-10-06', mdsVersion: 285, retrieved: '2026-12-03', count: 2 });
    expect(list.keys[0]).toEqual({ aaguid: '7e3f3d30-3557-4442-bdae-139312178b39', description: 'RSA DS100', bio: false, usb: true, nfc: false, ble: false });
  });

  it('reads the HTML a browser saves', () => {
    const dir = mkdtempSync(join(tmpdir(), 'attestation-'));
    const html = '<meta name="ms.date" content="10/06/2026"><table><tr><th>Description</th><th>AAGUID</th><th>Bio</th><th>USB</th><th>NFC</th><th>BLE</th></tr>'
      + '<tr><td>RSA DS100</td><td>7e3f3d30-3557-4442-bdae-139312178b39</td><td>&#10060;</td><td>✅</td><td>❌</td><td>❌</td></tr></table>';
    writeFileSync(join(dir, 'page.html'), html);
    const run = refresh([join(dir, 'page.html'), '--out', join(dir, 'list.json')]);
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'list.json'), 'utf8')).keys).toEqual([{ aaguid: '7e3f3d30-3557-4442-bdae-139312178b39', description: 'RSA DS100', bio: false, usb: true, nfc: false, ble: false }]);
  });

  it('keeps the old list and exits 4 when the page has no table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'attestation-'));
    writeFileSync(join(dir, 'page.md'), '# moved\n');
    const run = refresh([join(dir, 'page.md'), '--out', join(dir, 'list.json')]);
    expect(run.status).toBe(4);
    expect(run.stderr).toMatch(/no AAGUID table/);
  });

  it('exits 2 without a page and 3 on an unreadable one', () => {
    expect(refresh([]).status).toBe(2);
    expect(refresh(['/nonexistent/page.md']).status).toBe(3);
  });
});
