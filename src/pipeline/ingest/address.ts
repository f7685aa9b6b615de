/**
 * Which network addresses a fetch may connect to.
 *
 * Only global unicast addresses are allowed by default. Refused: loopback, private (RFC 1918),
 * unique-local (fc00::/7), link-local (169.254/16, fe80::/10 — which holds the cloud metadata
 * address 169.254.169.254), carrier-grade NAT (100.64/10, used by some metadata services),
 * multicast, broadcast, unspecified (0.0.0.0, ::), reserved/documentation/benchmark ranges,
 * and IPv6 forms that embed an IPv4 address (IPv4-mapped ::ffff:a.b.c.d is judged by the IPv4
 * address; NAT64 64:ff9b::/96, 6to4 2002::/16 and Teredo are refused outright).
 * Classification by ipaddr.js (`range()`), whose ranges follow the IANA special-purpose registries.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';

/** Thrown (or passed to callbacks) when a host resolves to, or is, a refused address. */
export class BlockedAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`refused to connect to ${host}${host === address ? '' : ` (${address})`}: ${range} address (use --allow-private to allow)`);
  }
}

/** The ipaddr.js range of an address, or null when it is not an IP address. */
export function addressRange(address: string): string | null {
  const a = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(a)) return null;
  return ipaddr.process(a).range();
}

/** True when `address` (IPv4 or IPv6, brackets and zone ids allowed) may be connected to by default. */
export function isPublicAddress(address: string): boolean {
  return addressRange(address) === 'unicast';
}

/**
 * Which non-public addresses are allowed anyway: `true` all (--allow-private), `false` none,
 * or a function of the address and its ipaddr.js range (e.g. only 127.0.0.1).
 */
export type AddressPolicy = boolean | ((address: string, range: string) => boolean);

/** Throw BlockedAddressError when `address` is not public and the policy does not allow it. */
export function checkAddress(host: string, address: string, policy: AddressPolicy): void {
  if (policy === true) return;
  const a = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const range = addressRange(a) ?? 'unparseable';
  if (range === 'unicast') return;
  if (typeof policy === 'function' && policy(ipaddr.isValid(a) ? ipaddr.process(a).toString() : a, range)) return;
  throw new BlockedAddressError(host, address, range);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls.connect that resolves with the system resolver and refuses the host
 * when any of its addresses is not public — so a name that resolves to 127.0.0.1 (or to a
 * public and a private address) is never connected to.
 */
export function guardedLookup(policy: AddressPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses as LookupAddress[];
      try {
        if (list.length === 0) throw Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' });
        for (const a of list) checkAddress(hostname, a.address, policy);
      } catch (e) {
        return callback(e as NodeJS.ErrnoException, []);
      }
      if (options.all) callback(null, list);
      else callback(null, list[0]!.address, list[0]!.family);
    });
  };
}
