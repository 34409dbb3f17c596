import { View } from '@tarojs/components'
import type { LicenceStatus } from '../../contract/licences/schemas'
import { LICENCE_STATUS_LABELS } from '../../domain/licences/status'

/** The status as a coloured chip; the label carries the meaning, the colour only repeats it. */
export function StatusChip(props: { status: LicenceStatus }) {
  return <View className={`chip chip--${props.status}`}>{LICENCE_STATUS_LABELS[props.status]}</View>
}
