import { View } from '@tarojs/components'
import { ROUTES } from '../../core/routes'
import { NOT_OURS_MESSAGE } from '../../domain/signing/signTicket'
import { switchTab } from '../../platform/navigation'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'

/**
 * What a QR link that is not one of ours lands on (the server's `/s/…` redirect marks it `?e=not-ours`):
 * the reason in Chinese and a way on, without asking to sign in first.
 */
export function SignLinkInvalid(props: { onScan?: () => unknown }) {
  return (
    <View className='card'>
      <View className='title'>扫码签章</View>
      <ErrorText message={NOT_OURS_MESSAGE} />
      {props.onScan ? <ActionButton label='扫一扫' onClick={props.onScan} /> : null}
      <ActionButton label='返回工作台' variant='secondary' onClick={() => switchTab(ROUTES.workbench)} />
    </View>
  )
}
