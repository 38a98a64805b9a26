// The webhook SSRF guard: what a delivery may reach by default and with WEBHOOK_ALLOW, checked on the resolved
// addresses (a fake resolver stands in for DNS), the platform's own services refused even when allowed, and the
// registration check on obvious hosts.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import {
  AddressRefused,
  addressPolicy,
  parseAllowList,
  refusal,
  registrationRefusal,
  resolveDeliveryAddress,
  type AddressPolicy,
} from '../../integrations/webhook-address-guard.js';

const policy = (allow = '', services: AddressPolicy['services'] = []): AddressPolicy => ({ ...parseAllowList(allow), services });
const fakeDns = (answers: Record<string, string[]>) => async (host: string) => {
  const a = answers[host];
  if (!a) throw new Error('ENOTFOUND');
  return a.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

describe('webhook address guard', () => {
  it('allows public addresses and refuses every internal range by default', () => {
    const p = policy();
    expect(refusal(p, '93.184.216.34', 'example.com')).toBeNull();
    expect(refusal(p, '2606:4700::1111', 'x')).toBeNull();
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.1.1',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fc00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '224.0.0.1',
    ])
      expect(refusal(p, a, 'x'), a).not.toBeNull();
  });

  it('refuses metadata addresses even when their range is allow-listed', () => {
    const p = policy('169.254.0.0/16, 100.64.0.0/10');
    expect(refusal(p, '169.254.169.254', 'x')).toMatch(/metadata/);
    expect(refusal(p, '100.100.100.200', 'x')).toMatch(/metadata/);
    expect(refusal(p, '169.254.10.10', 'x')).toBeNull();
  });

  it('WEBHOOK_ALLOW takes CIDRs, addresses and host names', () => {
    const p = policy('10.0.0.0/8, 127.0.0.1, hooks.internal');
    expect(refusal(p, '10.9.9.9', 'a')).toBeNull();
    expect(refusal(p, '127.0.0.1', 'a')).toBeNull();
    expect(refusal(p, '127.0.0.2', 'a')).not.toBeNull();
    expect(refusal(p, '192.168.0.5', 'hooks.internal')).toBeNull();
    expect(() => parseAllowList('10.0.0.0/99')).toThrow();
  });

  it('checks every resolved address and connects to the checked one (no second resolution)', async () => {
    const dns = fakeDns({
      'ok.example': ['93.184.216.34'],
      'rebind.example': ['93.184.216.34', '127.0.0.1'],
      'meta.example': ['169.254.169.254'],
    });
    await expect(resolveDeliveryAddress(policy(), new URL('https://ok.example/h'), dns)).resolves.toEqual({
      address: '93.184.216.34',
      family: 4,
    });
    await expect(resolveDeliveryAddress(policy(), new URL('https://rebind.example/h'), dns)).rejects.toThrow(AddressRefused);
    await expect(resolveDeliveryAddress(policy(), new URL('http://meta.example/latest'), dns)).rejects.toThrow(/metadata/);
    await expect(resolveDeliveryAddress(policy(), new URL('http://169.254.169.254/'), dns)).rejects.toThrow(AddressRefused);
    await expect(resolveDeliveryAddress(policy(), new URL('http://[::1]:80/'), dns)).rejects.toThrow(AddressRefused);
    await expect(resolveDeliveryAddress(policy(), new URL('http://nowhere.example/'), dns)).rejects.toThrow(/cannot resolve/);
  });

  it("refuses the platform's own services on their ports even when their address is allowed", async () => {
    const config = loadConfig({
      WEBHOOK_ALLOW: '127.0.0.0/8',
      DATABASE_URL: 'postgres://u:p@127.0.0.1:55432/db',
      API_HOST: '0.0.0.0',
      API_PORT: '8000',
    });
    const p = addressPolicy(config);
    const dns = fakeDns({ localhost: ['127.0.0.1'] });
    await expect(resolveDeliveryAddress(p, new URL('http://127.0.0.1:55432/'), dns)).rejects.toThrow(/own services/);
    await expect(resolveDeliveryAddress(p, new URL('http://localhost:55432/'), dns)).rejects.toThrow(/own services/);
    // The API listens on every address (0.0.0.0): its port is refused on any address.
    await expect(resolveDeliveryAddress(p, new URL('http://127.0.0.5:8000/'), dns)).rejects.toThrow(/own services/);
    await expect(resolveDeliveryAddress(p, new URL('http://127.0.0.1:9999/'), dns)).resolves.toEqual({ address: '127.0.0.1', family: 4 });
  });

  it('refuses obvious hosts at registration and leaves names to the delivery', () => {
    const p = policy();
    expect(registrationRefusal(p, 'http://169.254.169.254/latest/meta-data')).toMatch(/metadata/);
    expect(registrationRefusal(p, 'http://127.0.0.1:9000/')).toMatch(/loopback/);
    expect(registrationRefusal(p, 'http://localhost/')).toMatch(/loopback/);
    expect(registrationRefusal(p, 'http://[::1]/')).toMatch(/loopback/);
    expect(registrationRefusal(p, 'ftp://example.com/')).toMatch(/http/);
    expect(registrationRefusal(p, 'https://user:pw@example.com/')).toMatch(/credentials/);
    expect(registrationRefusal(p, 'not a url')).toMatch(/valid URL/);
    expect(registrationRefusal(p, 'https://hooks.example.com/x')).toBeNull();
    expect(registrationRefusal(policy('127.0.0.1'), 'http://127.0.0.1:9000/')).toBeNull();
  });
});
