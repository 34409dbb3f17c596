import { View } from '@tarojs/components'
import type { ConditionResult } from '../../domain/policies/match'
import { OUTCOME_LABELS } from '../../domain/policies/match'
import { OUTCOME_MARKS } from './policyTexts'

/** Which alternatives a condition belongs to, if it does: 「（以下满足其一即可）」, 「（方式 2，满足其一即可）」. */
function groupNote(condition: ConditionResult): string {
  if (condition.group?.mode === 'any') return `（${condition.group.label ?? '以下满足其一即可'}）`
  if (condition.branch === undefined) return ''
  return `（${condition.group?.label ?? `方式 ${condition.branch + 1}`}，满足其一即可）`
}

/**
 * Every condition of a policy with its verdict (已满足 ✓ / 不满足 ✗ / 待补充 ?) and the fact it used;
 * `plain` lists what the conditions ask only (no enterprise to judge them for).
 */
export function ConditionList(props: { conditions: ConditionResult[]; plain?: boolean }) {
  return (
    <View>
      {props.conditions.map((condition, index) => {
        const verdict = `${OUTCOME_MARKS[condition.outcome]} ${OUTCOME_LABELS[condition.outcome]}`
        const group = groupNote(condition)
        if (props.plain) {
          return (
            <View key={`${condition.group?.id ?? ''}${condition.id}-${index}`} className='condition'>
              · {condition.label}
              {group ? <View className='muted'>{group}</View> : null}
            </View>
          )
        }
        return (
          <View
            key={`${condition.group?.id ?? ''}${condition.id}-${index}`}
            className={`condition condition--${condition.outcome}`}
            ariaLabel={`${condition.label}${group}：${OUTCOME_LABELS[condition.outcome]}，${condition.fact}`}
          >
            <View className='row'>
              <View>
                {condition.label}
                {group ? <View className='muted'>{group}</View> : null}
              </View>
              <View className={condition.outcome === 'met' ? 'chip' : 'chip chip--renewal-due'}>{verdict}</View>
            </View>
            <View className='muted'>{condition.fact}</View>
          </View>
        )
      })}
    </View>
  )
}
