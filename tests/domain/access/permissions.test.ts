import {
  ENTERPRISE_ACTIONS,
  ENTERPRISE_ROLES,
  PERMISSIONS,
  refusalMessage,
  roleMay,
  rolesAllowedTo,
} from '../../../src/domain/access/permissions'

describe('the permission table', () => {
  it('covers every action, with known roles only', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ENTERPRISE_ACTIONS].sort())
    for (const roles of Object.values(PERMISSIONS)) {
      for (const role of roles) expect(ENTERPRISE_ROLES).toContain(role)
    }
  })

  it('lets the legal representative do everything', () => {
    for (const action of ENTERPRISE_ACTIONS) expect(roleMay('legal_representative', action, false)).toBe(true)
  })

  // Written out by hand, not read back from the table: these are the product's decisions.
  it.each([
    ['handler', 'licences:read', true, false],
    ['handler', 'licences:write', true, false],
    ['handler', 'profile:read', true, false],
    ['handler', 'profile:write', true, false],
    ['handler', 'policies:match', true, false],
    ['handler', 'grants:manage', true, false],
    ['handler', 'audit:read', true, false],
    ['handler', 'members:manage', true, false],
    ['handler', 'seals:claim', true, false],
    ['handler', 'seal:sign', true, true],
    ['handler', 'seals:view', true, true],
    ['handler', 'enterprise:read', true, true],
    // Without a live grant a handler may do nothing at all.
    ['handler', 'seal:sign', false, false],
    ['handler', 'seals:view', false, false],
    ['handler', 'enterprise:read', false, false],
    ['agent', 'licences:read', false, true],
    ['agent', 'licences:write', false, true],
    ['agent', 'profile:write', false, true],
    ['agent', 'policies:match', false, true],
    ['agent', 'grants:manage', false, false],
    ['agent', 'audit:read', false, false],
    ['agent', 'members:manage', false, false],
    ['agent', 'seals:claim', false, false],
    ['staff', 'licences:read', false, false],
    ['staff', 'seal:sign', false, true],
  ] as const)('%s %s (live grant: %s) → %s', (role, action, live, allowed) => {
    expect(roleMay(role, action, live)).toBe(allowed)
  })

  it('names the roles allowed, for filters such as who is reminded of licences', () => {
    expect(rolesAllowedTo('licences:read').sort()).toEqual(['agent', 'legal_representative'])
  })

  it('refuses in Chinese, naming the role or that only the legal representative may', () => {
    expect(refusalMessage('handler', 'licences:read')).toBe('您在该企业的身份是经办人，无权查看企业证照')
    expect(refusalMessage('agent', 'members:manage')).toBe('仅企业法定代表人可以管理企业成员')
  })
})
