import {
  chinaMinuteOfDay,
  formatFen,
  needsSecondApprover,
  NO_SEAL_RULES,
  parseYuanToFen,
  refusalAtConfirmation,
  refusalAtCreation,
  sealRulesProblems,
} from '../../../src/domain/signing/sealRules'

const at = (iso: string) => Date.parse(iso)

describe('用章规则', () => {
  it('hours are China time, from included, to excluded', () => {
    const rules = { ...NO_SEAL_RULES, hours: { from: '08:00', to: '20:00' } }
    expect(chinaMinuteOfDay(at('2026-03-02T00:00:00Z'))).toBe(8 * 60)
    expect(refusalAtConfirmation(rules, at('2026-03-02T00:00:00Z'))).toBeNull()
    expect(refusalAtConfirmation(rules, at('2026-03-01T23:59:59Z'))).toBe('outside-hours')
    expect(refusalAtConfirmation(rules, at('2026-03-02T11:59:59Z'))).toBeNull()
    expect(refusalAtConfirmation(rules, at('2026-03-02T12:00:00Z'))).toBe('outside-hours')
  })

  it('working days follow the published calendar (holidays off, 调休 Saturdays on)', () => {
    const rules = { ...NO_SEAL_RULES, workingDaysOnly: true }
    expect(refusalAtConfirmation(rules, at('2026-10-01T02:00:00Z'))).toBe('not-working-day')
    expect(refusalAtConfirmation(rules, at('2026-02-14T02:00:00Z'))).toBeNull()
    expect(refusalAtConfirmation(rules, at('2026-03-07T02:00:00Z'))).toBe('not-working-day')
  })

  it('systems and document types: empty means any; a restricted type needs the task to name one', () => {
    expect(refusalAtCreation(NO_SEAL_RULES, { systemId: 's', documentType: null })).toBeNull()
    const rules = { ...NO_SEAL_RULES, systemIds: ['a'], documentTypes: ['contract' as const] }
    expect(refusalAtCreation(rules, { systemId: 'b', documentType: 'contract' })).toBe('system-not-allowed')
    expect(refusalAtCreation(rules, { systemId: 'a', documentType: null })).toBe('document-type-not-allowed')
    expect(refusalAtCreation(rules, { systemId: 'a', documentType: 'contract' })).toBeNull()
  })

  it('a second approver: 合同专用章 only, at or above the amount, and when no amount is stated', () => {
    const rules = { ...NO_SEAL_RULES, secondApproval: { minAmountFen: 1000, approverUserIds: ['u'] } }
    expect(needsSecondApprover(rules, 'contract', 999)).toBe(false)
    expect(needsSecondApprover(rules, 'contract', 1000)).toBe(true)
    expect(needsSecondApprover(rules, 'contract', null)).toBe(true)
    expect(needsSecondApprover(rules, 'official', 5000)).toBe(false)
    expect(sealRulesProblems(rules, 'official')).toContain('双人审批仅适用于合同专用章')
  })

  it('amounts in yuan ↔ fen', () => {
    expect(parseYuanToFen('100000')).toBe(10_000_000)
    expect(parseYuanToFen('1,000.5')).toBe(100_050)
    expect(parseYuanToFen('1.234')).toBeNull()
    expect(parseYuanToFen('-1')).toBeNull()
    expect(formatFen(25_000_000)).toBe('250,000.00 元')
  })
})
