import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import ipaddr from 'ipaddr.js'

/**
 * Where the server may send a request a client named (a sign-task callbackUrl): never inside our
 * own network. The host is resolved and every address it resolves to must be public unicast; the
 * request then goes to the address that was checked (see outbound-post), so a name that resolves
 * to a public address when checked and to 127.0.0.1 a moment later reaches nothing.
 */

export interface ResolvedAddress {
  address: string
  family: 4 | 6
}

/** Host name → its addresses (dns.lookup, so /etc/hosts counts); tests pass a fake. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => ({
    address: entry.address,
    family: entry.family === 6 ? 6 : 4,
  }))

export interface OutboundPolicy {
  /**
   * Plain http and loopback / private addresses: only for tests and local development, where the
   * receiver runs on this machine (CALLBACK_ALLOW_PRIVATE, refused in production).
   */
  allowPrivate: boolean
  /** Host names the URL's host must be one of (exact, lower case); null: any public host. */
  allowedHosts: readonly string[] | null
}

export type OutboundRefusalReason =
  'invalid' | 'scheme' | 'credentials' | 'host-not-allowed' | 'unresolvable' | 'internal'

/** The URL may not be called; `reason` picks the message, `detail` is for the logs only. */
export class OutboundRefused extends Error {
  readonly name = 'OutboundRefused'
  constructor(
    readonly reason: OutboundRefusalReason,
    readonly detail: string,
  ) {
    super(`outbound URL refused (${reason}): ${detail}`)
  }
}

/** A URL that passed the checks and the address it must be sent to. */
export interface CheckedTarget {
  url: URL
  /** The host without IPv6 brackets. */
  hostname: string
  address: ResolvedAddress
}

/** ::a.b.c.d (deprecated IPv4-compatible) carries an IPv4 address that ipaddr.js calls unicast. */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96')

/**
 * Why the address is not a public unicast one (ipaddr.js's range name: loopback, private,
 * linkLocal — 169.254.169.254 is there —, uniqueLocal — fd00:ec2::254 —, carrierGradeNat —
 * 100.100.100.200 —, multicast, unspecified, reserved, rfc6052 (NAT64), 6to4, teredo…), or null
 * when it is public. IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
 */
export function internalRangeOf(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'invalid'
  const parsed = ipaddr.process(address)
  const range = parsed.range()
  if (range !== 'unicast') return range
  return parsed.kind() === 'ipv6' && parsed.match(IPV4_COMPATIBLE) ? 'ipv4Compatible' : null
}

function withoutBrackets(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname
}

/** Parses and checks the URL without resolving it (scheme, credentials, allowlist). */
export function parseOutboundUrl(raw: string, policy: OutboundPolicy): { url: URL; hostname: string } {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new OutboundRefused('invalid', 'not a URL')
  }
  const schemeOk = url.protocol === 'https:' || (policy.allowPrivate && url.protocol === 'http:')
  if (!schemeOk) throw new OutboundRefused('scheme', url.protocol)
  if (url.username || url.password) throw new OutboundRefused('credentials', 'user info in URL')
  // WHATWG URL has already turned 2130706433, 0x7f.1 and friends into dotted IPv4, and lower-cased the host.
  const hostname = withoutBrackets(url.hostname)
  if (policy.allowedHosts && !policy.allowedHosts.includes(hostname)) {
    throw new OutboundRefused('host-not-allowed', hostname)
  }
  return { url, hostname }
}

/**
 * The URL, checked, with the one address to connect to. Refuses when any address the host
 * resolves to is internal: a name with one public and one private address could be answered
 * with either, so it is not trusted at all.
 */
export async function checkOutboundUrl(
  raw: string,
  policy: OutboundPolicy,
  resolve: Resolver = systemResolver,
): Promise<CheckedTarget> {
  const { url, hostname } = parseOutboundUrl(raw, policy)
  let addresses: ResolvedAddress[]
  const literal = isIP(hostname)
  if (literal !== 0) {
    addresses = [{ address: hostname, family: literal === 6 ? 6 : 4 }]
  } else {
    try {
      addresses = await resolve(hostname)
    } catch (error) {
      throw new OutboundRefused('unresolvable', `${hostname}: ${(error as Error).message}`)
    }
    if (addresses.length === 0) throw new OutboundRefused('unresolvable', `${hostname}: no address`)
  }
  if (!policy.allowPrivate) {
    for (const { address } of addresses) {
      const range = internalRangeOf(address)
      if (range !== null) throw new OutboundRefused('internal', `${hostname} → ${address} (${range})`)
    }
  }
  return { url, hostname, address: addresses[0] }
}
