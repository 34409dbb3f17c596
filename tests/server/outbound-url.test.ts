import {
  checkOutboundUrl,
  internalRangeOf,
  OutboundRefused,
  type OutboundPolicy,
  type Resolver,
} from '../../server/kernel/http/outbound-url'

/** Where a callback may go: only public unicast addresses, whatever form the address takes. */

const PUBLIC = '93.184.216.34'
const open: OutboundPolicy = { allowPrivate: false, allowedHosts: null }

/** A fake DNS: name → addresses; anything else is not found. No query leaves the machine. */
function fakeResolver(table: Record<string, string[]>): Resolver {
  return async (hostname) => {
    const addresses = table[hostname]
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
  }
}

async function refusal(raw: string, policy = open, resolve: Resolver = fakeResolver({})): Promise<string> {
  try {
    await checkOutboundUrl(raw, policy, resolve)
  } catch (error) {
    if (error instanceof OutboundRefused) return error.reason
    throw error
  }
  return 'allowed'
}

describe('internal addresses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.1.2.3', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.100.100.200', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::127.0.0.1', 'loopback'],
    ['::7f00:1', 'ipv4Compatible'],
    ['::a00:1', 'ipv4Compatible'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['64:ff9b::a9fe:a9fe', 'rfc6052'],
    ['2002:7f00:1::', '6to4'],
    ['2001:db8::1', 'reserved'],
    ['not-an-address', 'invalid'],
  ])('%s is %s', (address, range) => {
    expect(internalRangeOf(address)).toBe(range)
  })

  it.each([PUBLIC, '8.8.8.8', '172.32.0.1', '192.169.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => {
      expect(internalRangeOf(address)).toBeNull()
    },
  )
})

describe('checking a URL', () => {
  it.each([
    'https://127.0.0.1/hook',
    'https://[::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://[fe80::1]/hook',
    'https://[fc00::1]/hook',
    'https://[ff02::1]/hook',
    'https://169.254.169.254/latest/meta-data/',
    'https://10.0.0.8/hook',
    'https://172.16.5.4/hook',
    'https://192.168.0.1/hook',
    'https://100.64.0.1/hook',
    'https://0.0.0.0/hook',
    'https://224.0.0.1/hook',
    // WHATWG URL reads these as 127.0.0.1
    'https://2130706433/hook',
    'https://0x7f.1/hook',
    'https://017700000001/hook',
  ])('refuses %s', async (raw) => {
    expect(await refusal(raw)).toBe('internal')
  })

  it('resolves a name and refuses it when any of its addresses is internal', async () => {
    const dns = fakeResolver({
      localhost: ['127.0.0.1'],
      'metadata.example.cn': ['169.254.169.254'],
      'split.example.cn': [PUBLIC, '10.0.0.8'],
      'v6.example.cn': ['fd00:ec2::254'],
      'mapped.example.cn': ['::ffff:192.168.1.1'],
      'hooks.example.cn': [PUBLIC],
    })
    expect(await refusal('https://localhost:6379/', open, dns)).toBe('internal')
    expect(await refusal('https://metadata.example.cn/', open, dns)).toBe('internal')
    expect(await refusal('https://split.example.cn/', open, dns)).toBe('internal')
    expect(await refusal('https://v6.example.cn/', open, dns)).toBe('internal')
    expect(await refusal('https://mapped.example.cn/', open, dns)).toBe('internal')
    expect(await refusal('https://nowhere.example.cn/', open, dns)).toBe('unresolvable')
    const target = await checkOutboundUrl('https://HOOKS.example.cn/sign?x=1', open, dns)
    expect(target.hostname).toBe('hooks.example.cn')
    expect(target.address).toEqual({ address: PUBLIC, family: 4 })
    expect(target.url.toString()).toBe('https://hooks.example.cn/sign?x=1')
  })

  it('refuses a name with no address, and a resolver that fails', async () => {
    expect(await refusal('https://empty.example.cn/', open, async () => [])).toBe('unresolvable')
    const broken: Resolver = () => Promise.reject(new Error('SERVFAIL'))
    expect(await refusal('https://hooks.example.cn/', open, broken)).toBe('unresolvable')
  })

  it('takes https only, without credentials, unless local receivers are allowed', async () => {
    const dns = fakeResolver({ 'hooks.example.cn': [PUBLIC] })
    expect(await refusal('http://hooks.example.cn/', open, dns)).toBe('scheme')
    expect(await refusal('ftp://hooks.example.cn/', open, dns)).toBe('scheme')
    expect(await refusal('file:///etc/passwd', open, dns)).toBe('scheme')
    expect(await refusal('https://user:pw@hooks.example.cn/', open, dns)).toBe('credentials')
    expect(await refusal('not a url', open, dns)).toBe('invalid')
    const local: OutboundPolicy = { allowPrivate: true, allowedHosts: null }
    expect(await refusal('http://127.0.0.1:8080/hook', local)).toBe('allowed')
    expect(await refusal('ftp://127.0.0.1/hook', local)).toBe('scheme')
  })

  it("keeps to the system's host allowlist", async () => {
    const dns = fakeResolver({ 'hooks.example.cn': [PUBLIC], 'other.example.cn': [PUBLIC] })
    const listed: OutboundPolicy = { allowPrivate: false, allowedHosts: ['hooks.example.cn'] }
    expect(await refusal('https://hooks.example.cn/sign', listed, dns)).toBe('allowed')
    expect(await refusal('https://other.example.cn/sign', listed, dns)).toBe('host-not-allowed')
    expect(await refusal('https://sub.hooks.example.cn/sign', listed, dns)).toBe('host-not-allowed')
    expect(await refusal('https://hooks.example.cn/', { allowPrivate: false, allowedHosts: [] }, dns)).toBe(
      'host-not-allowed',
    )
  })
})
