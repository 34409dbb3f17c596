import { View } from '@tarojs/components'
import { privacyConsentThroughOpenType } from '../platform/env'
import { PRIVACY_AGREE_BUTTON_ID } from '../platform/privacy'
import { PRIVACY_POLICY_VERSION } from './consent'
import { usePreferences } from './preferences'
import { usePrivacyPrompt } from './privacyPrompt'
import { ActionButton } from '../ui/ActionButton'

/**
 * The privacy sheet. The agree button carries open-type="agreePrivacyAuthorization", which is
 * how WeChat learns of the consent; other platforms just record it.
 */
export function ConsentSheet(props: { onViewPolicy: () => void; onDone?: (agreed: boolean) => void }) {
  const acceptConsent = usePreferences((s) => s.acceptConsent)
  const answer = usePrivacyPrompt((s) => s.answer)

  const agree = () => {
    acceptConsent(PRIVACY_POLICY_VERSION)
    answer(true)
    props.onDone?.(true)
  }
  const decline = () => {
    answer(false)
    props.onDone?.(false)
  }

  return (
    <View className='card consent-sheet' ariaRole='dialog' ariaLabel='隐私保护提示'>
      <View className='title'>隐私保护提示</View>
      <View className='muted'>
        为向您提供证照提醒、电子印章、政策推送和诉求办理服务，政企通需要处理您的手机号、企业关联关系等信息。
        身份证号和手机号仅以脱敏形式展示，人脸图像不会被保存。您可随时在「我的」中撤回同意。
      </View>
      <View className='link' onClick={props.onViewPolicy} ariaRole='link' ariaLabel='查看《政企通隐私政策》'>
        《政企通隐私政策》
      </View>
      <ActionButton
        id={PRIVACY_AGREE_BUTTON_ID}
        openType='agreePrivacyAuthorization'
        onAgreePrivacyAuthorization={agree}
        onClick={privacyConsentThroughOpenType ? undefined : agree}
        label='同意隐私政策并继续'
      >
        同意并继续
      </ActionButton>
      <ActionButton variant='secondary' label='不同意隐私政策' onClick={decline}>
        不同意
      </ActionButton>
    </View>
  )
}
