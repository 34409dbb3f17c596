import { View } from '@tarojs/components'
import { PRIVACY_POLICY_VERSION } from '../../core/consent'

const SECTIONS: { heading: string; body: string }[] = [
  {
    heading: '我们处理哪些信息',
    body: '登录标识（微信 openid 或支付宝 user_id）、手机号、您与企业的关联关系、证照信息、您提交的诉求内容与图片。刷脸核验由微信或支付宝完成，政企通只接收核验结果，不保存任何人脸图像或视频。',
  },
  {
    heading: '为什么处理',
    body: '用于证照到期提醒、电子印章和电子签名、惠企政策匹配与推送、诉求办理与回访。未经您同意，政企通不会收集或发送任何个人信息。',
  },
  {
    heading: '如何保护',
    body: '身份证号仅以加盐摘要和脱敏形式保存，手机号和身份证号在界面和日志中均脱敏显示；印章私钥加密存放在服务器，从不下发到手机。',
  },
  {
    heading: '您的权利',
    body: '您可随时在「我的 → 隐私授权」中撤回同意；撤回后将退出登录，服务端会话立即失效。如需查询、更正或删除个人信息，请通过「有诉即办」提交申请。',
  },
]

/** The privacy policy the consent sheet refers to. */
export function PrivacyPolicyScreen() {
  return (
    <View className='card'>
      <View className='title'>政企通隐私政策</View>
      <View className='muted'>版本 {PRIVACY_POLICY_VERSION}</View>
      {SECTIONS.map((section) => (
        <View key={section.heading}>
          <View className='title'>{section.heading}</View>
          <View>{section.body}</View>
        </View>
      ))}
    </View>
  )
}
