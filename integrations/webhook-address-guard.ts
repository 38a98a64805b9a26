// Where webhook deliveries may go (SSRF guard, docs/lifecycle.md#webhooks). A delivery URL is written by a tenant,
// so by default it may only reach public unicast addresses: never loopback, private, link-local, unique-local,
// CGNAT, multicast or reserved ranges, never a cloud metadata address, and never one of the platform's own services.
// The operator widens it with WEBHOOK_ALLOW (CIDRs, addresses or host names). The check runs on the addresses the
// name resolves to, and the delivery connects to the checked address itself, so a DNS answer that changes between
// the check and the connection (DNS rebinding) cannot redirect it.
import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import type { Config } from '../config/config.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

export interface AddressPolicy {
  /** CIDRs (an address is a /32 or /128) the operator allows even though they are not public. */
  allowRanges: [Address, number][];
  /** Host names the operator allows whatever they resolve to (the operator owns their DNS). */
  allowHosts: Set<string>;
  /** The platform's own services: host and port, refused even when their address is allowed. */
  services: { host: string; port: number }[];
}

/** Cloud metadata endpoints (AWS, GCP, Azure, OpenStack; AWS's IPv6 one): refused even when allow-listed. */
const METADATA = ['169.254.169.254', 'fd00:ec2::254', '100.100.100.200'].map((a) => ipaddr.parse(a).toNormalizedString());

export class AddressRefused extends Error {
  override name = 'AddressRefused';
}

/** Parses WEBHOOK_ALLOW: comma-separated CIDRs, addresses and host names. Throws on a malformed CIDR. */
export function parseAllowList(raw: string): Pick<AddressPolicy, 'allowRanges' | 'allowHosts'> {
  const allowRanges: [Address, number][] = [];
  const allowHosts = new Set<string>();
  for (const entry of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (entry.includes('/')) {
      if (!ipaddr.isValidCIDR(entry)) throw new Error(`WEBHOOK_ALLOW: "${entry}" is not a CIDR range`);
      allowRanges.push(ipaddr.parseCIDR(entry));
    } else if (ipaddr.isValid(entry)) {
      const a = ipaddr.parse(entry);
      allowRanges.push([a, a.kind() === 'ipv4' ? 32 : 128]);
    } else allowHosts.add(entry.toLowerCase());
  }
  return { allowRanges, allowHosts };
}

function hostPort(url: string): { host: string; port: number } | null {
  try {
    const u = new URL(url.includes('://') ? url : `tcp://${url}`);
    const port = Number(u.port) || (u.protocol === 'https:' ? 443 : u.protocol === 'http:' ? 80 : 0);
    return port ? { host: u.hostname.replace(/^\[|\]$/g, ''), port } : null;
  } catch {
    return null;
  }
}

/** The policy of this configuration: its allow-list and every service address the configuration names. */
export function addressPolicy(config: Config): AddressPolicy {
  const { allowRanges, allowHosts } = parseAllowList(config.webhooks.allow);
  const named = [
    config.postgres.url,
    config.temporal.address,
    config.temporal.uiUrl,
    config.s3.endpoint,
    config.iceberg.catalogUri,
    config.ray.address,
    config.ray.gcsAddress,
    config.api.publicUrl,
    `${config.api.host}:${config.api.port}`,
  ];
  const ports = [config.metrics.port, config.metrics.workerPort, config.worker.healthPort];
  const services = [
    ...named.flatMap((u) => (u ? [hostPort(u)] : [])),
    ...ports.flatMap((p) => (p ? [{ host: config.metrics.host, port: p }] : [])),
    ...(config.worker.healthPort ? [{ host: config.worker.healthHost, port: config.worker.healthPort }] : []),
  ].filter((s): s is { host: string; port: number } => s !== null);
  return { allowRanges, allowHosts, services };
}

const normalize = (a: Address): Address =>
  a.kind() === 'ipv6' && (a as ipaddr.IPv6).isIPv4MappedAddress() ? (a as ipaddr.IPv6).toIPv4Address() : a;

/** Why an address may not be reached (null: it may). `host` is the URL's host name, for host-name allow entries. */
export function refusal(policy: AddressPolicy, address: string, host: string): string | null {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  const a = normalize(ipaddr.parse(address));
  if (METADATA.includes(a.toNormalizedString())) return `${address} is a cloud metadata address`;
  const range = a.range();
  if (range === 'unicast') return null;
  if (policy.allowHosts.has(host.toLowerCase())) return null;
  if (policy.allowRanges.some(([net, bits]) => net.kind() === a.kind() && a.match(net, bits))) return null;
  return `${address} is a ${range} address, not in WEBHOOK_ALLOW`;
}

/** Whether host:port is one of the platform's services (a service host that is unspecified, 0.0.0.0, listens on every address). */
function isService(policy: AddressPolicy, addresses: Address[], port: number, resolved: Map<string, Address[]>): boolean {
  return policy.services.some((s) => {
    if (s.port !== port) return false;
    const own = resolved.get(s.host) ?? [];
    return own.some(
      (o) =>
        o.range() === 'unspecified' || addresses.some((a) => a.kind() === o.kind() && a.toNormalizedString() === o.toNormalizedString()),
    );
  });
}

export type Resolve = (host: string) => Promise<{ address: string; family: number }[]>;
const systemResolve: Resolve = (host) => dnsLookup(host, { all: true, verbatim: true });

async function resolveAll(host: string, resolve: Resolve): Promise<{ address: string; family: number }[]> {
  if (ipaddr.isValid(host)) return [{ address: host, family: ipaddr.parse(host).kind() === 'ipv4' ? 4 : 6 }];
  return resolve(host);
}

/**
 * Resolves the URL's host and returns the one address to connect to, or throws AddressRefused. Every address the
 * name resolves to must be allowed (one bad answer refuses it), and none may be a platform service on that port.
 */
export async function resolveDeliveryAddress(
  policy: AddressPolicy,
  url: URL,
  resolve: Resolve = systemResolve,
): Promise<{ address: string; family: 4 | 6 }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  let answers: { address: string; family: number }[];
  try {
    answers = await resolveAll(host, resolve);
  } catch (err) {
    throw new AddressRefused(`cannot resolve ${host}: ${(err as Error).message}`);
  }
  if (answers.length === 0) throw new AddressRefused(`${host} has no address`);
  for (const a of answers) {
    const why = refusal(policy, a.address, host);
    if (why) throw new AddressRefused(why);
  }
  const resolved = new Map<string, Address[]>();
  for (const s of policy.services) {
    if (s.port !== port || resolved.has(s.host)) continue;
    resolved.set(
      s.host,
      await resolveAll(s.host, resolve).then(
        (r) => r.map((x) => normalize(ipaddr.parse(x.address))),
        () => [],
      ),
    );
  }
  const addrs = answers.map((a) => normalize(ipaddr.parse(a.address)));
  if (isService(policy, addrs, port, resolved)) throw new AddressRefused(`${host}:${port} is one of the platform's own services`);
  const first = answers[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

/**
 * The registration check: the scheme, no credentials in the URL, and a host that is obviously refused (an IP
 * literal or `localhost` outside the allow-list, metadata, a platform service). Names are resolved at delivery.
 */
export function registrationRefusal(policy: AddressPolicy, raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a valid URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'the URL must be http or https';
  if (url.username || url.password) return 'the URL may not carry credentials';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const literal = ipaddr.isValid(host) ? host : host === 'localhost' || host.endsWith('.localhost') ? '127.0.0.1' : null;
  if (literal === null) return null;
  const why = refusal(policy, literal, host);
  if (why) return why;
  const a = normalize(ipaddr.parse(literal)).toNormalizedString();
  const own = policy.services.some(
    (s) =>
      s.port === port &&
      ipaddr.isValid(s.host) &&
      [a, '0.0.0.0', '0:0:0:0:0:0:0:0'].includes(normalize(ipaddr.parse(s.host)).toNormalizedString()),
  );
  return own ? `${host}:${port} is one of the platform's own services` : null;
}
