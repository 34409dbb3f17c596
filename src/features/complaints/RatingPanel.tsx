import { useState } from 'react'
import { Textarea, View } from '@tarojs/components'
import { isBadRating, RATING_LABELS, RATING_LEVELS, type RatingLevel } from '../../domain/complaints/ratings'
import { ActionButton } from '../../ui/ActionButton'

/** 好差评: five levels and an optional comment; the second rating after 回访 is final. */
export function RatingPanel(props: {
  final: boolean
  busy: boolean
  onRate: (level: RatingLevel, comment: string) => Promise<boolean>
}) {
  const [level, setLevel] = useState<RatingLevel | null>(null)
  const [comment, setComment] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  const send = async () => {
    if (!level) return setProblem('请选择评价等级')
    setProblem(null)
    if (await props.onRate(level, comment.trim())) setComment('')
  }

  return (
    <View className='card'>
      <View className='title'>{props.final ? '整改后再次评价（最终评价）' : '评价办理结果'}</View>
      <View className='chips' ariaRole='radiogroup' ariaLabel='评价等级'>
        {RATING_LEVELS.map((option) => {
          const selected = option === level
          const state = { ariaChecked: selected } as object
          return (
            <View
              key={option}
              {...state}
              ariaRole='radio'
              ariaLabel={RATING_LABELS[option]}
              className={selected ? 'chip chip--control chip--selected' : 'chip chip--control'}
              onClick={() => setLevel(option)}
            >
              {RATING_LABELS[option]}
            </View>
          )
        })}
      </View>
      {level && isBadRating(level) && !props.final ? (
        <View className='muted'>不满意的评价会转回访：工作人员将联系您并限期整改，整改后您可再评价一次</View>
      ) : null}
      <Textarea
        className='input'
        value={comment}
        placeholder='说说您的看法（选填）'
        ariaLabel='评价意见'
        onInput={(e) => setComment(e.detail.value)}
      />
      {problem ? <View className='error-text'>{problem}</View> : null}
      <ActionButton label='提交评价' disabled={props.busy} onClick={() => void send()} />
    </View>
  )
}
