import { View } from '@tarojs/components'
import { CAPABILITIES } from './capabilities'
import type { Capability } from './capabilities'

/** Entries to the five capabilities, each with a live count where the server has one. */
export function CapabilityGrid(props: {
  counts?: Partial<Record<Capability['key'], string>>
  /** capabilities the page already shows a card for (许证闹钟's summary on 工作台): not listed twice */
  without?: readonly Capability['key'][]
  onOpen: (capability: Capability) => void
}) {
  const shown = CAPABILITIES.filter((capability) => !props.without?.includes(capability.key))
  return (
    <View className='capability-grid'>
      {shown.map((capability) => {
        const available = capability.route !== null
        const badge = available ? props.counts?.[capability.key] : '即将开放'
        return (
          <View
            key={capability.key}
            className={available ? 'card capability' : 'card capability capability--soon'}
            ariaRole='button'
            ariaLabel={`${capability.name}${badge ? `，${badge}` : ''}`}
            onClick={() => (available ? props.onOpen(capability) : undefined)}
          >
            <View className='title'>{capability.name}</View>
            <View className='muted'>{capability.description}</View>
            {badge ? <View className='chip'>{badge}</View> : null}
          </View>
        )
      })}
    </View>
  )
}
