import { useEffect, useMemo, useRef } from 'react'
import { View } from '@tarojs/components'
import { ariaProps } from '../platform/aria'
import { holdDialogFocus } from '../platform/dialogFocus'
import { openPrivacyContract, privacyAgreeThroughOpenType, PRIVACY_AGREE_BUTTON_ID } from '../platform/privacy'
import { PRIVACY_POLICY_VERSION } from './consent'
import { usePreferences } from './preferences'
import { usePrivacyPrompt } from './privacyPrompt'
import { ActionButton } from '../ui/ActionButton'

const TEXT_ID = 'zqt-consent-text'
// ViewProps has no role / aria-modal although every platform renders them (src/platform/aria.ts).
const DIALOG_A11Y = ariaProps({ role: 'dialog', modal: true, label: '隐私保护提示', describedBy: TEXT_ID })
const GUIDE_A11Y = ariaProps({ role: 'link', label: '查看《隐私保护指引》' })

/**
 * The privacy consent dialog: a fixed full-screen overlay over whatever page asked, so it is seen at
 * once however long the page, and nothing behind it can be used until it is answered. The agree
 * button carries open-type="agreePrivacyAuthorization" where WeChat has it, which is how WeChat
 * learns of the consent; elsewhere it is a plain tap. The answer resolves every pending WeChat
 * request (see privacyPrompt).
 */
export function ConsentSheet(props: { onViewPolicy: () => void; onDone?: (agreed: boolean) => void }) {
  const acceptConsent = usePreferences((s) => s.acceptConsent)
  const answer = usePrivacyPrompt((s) => s.answer)
  const throughOpenType = useMemo(privacyAgreeThroughOpenType, [])
  const dialog = useRef<unknown>(null)
  useEffect(() => holdDialogFocus(dialog.current), [])

  const agree = () => {
    acceptConsent(PRIVACY_POLICY_VERSION)
    answer(true)
    props.onDone?.(true)
  }
  const decline = () => {
    answer(false)
    props.onDone?.(false)
  }
  // WeChat's own page for the 隐私保护指引 where it has one; our policy page everywhere else.
  const viewGuide = async () => {
    if (!(await openPrivacyContract())) props.onViewPolicy()
  }
  const agreeProps = throughOpenType
    ? { openType: 'agreePrivacyAuthorization' as const, onAgreePrivacyAuthorization: agree }
    : { onClick: agree }

  return (
    <View className='overlay'>
      <View ref={dialog} className='card consent-modal__dialog' {...DIALOG_A11Y}>
        <View className='title'>隐私保护提示</View>
        <View className='muted' id={TEXT_ID}>
          为向您提供证照提醒、电子印章、政策推送和诉求办理服务，政企通需要处理您的手机号、企业关联关系等信息。
          身份证号和手机号仅以脱敏形式展示，人脸图像不会被保存。您可随时在「我的」中撤回同意。
        </View>
        <View className='link consent-modal__guide' onClick={viewGuide} {...GUIDE_A11Y}>
          查看《隐私保护指引》
        </View>
        <ActionButton id={PRIVACY_AGREE_BUTTON_ID} label='同意隐私政策并继续' {...agreeProps}>
          同意
        </ActionButton>
        <ActionButton variant='secondary' label='不同意隐私政策' onClick={decline}>
          不同意
        </ActionButton>
      </View>
    </View>
  )
}
