import { ROUTES } from '../../core/routes'
import type { Route } from '../../core/routes'

/** The five capabilities on 工作台. `route: null` means the capability has not shipped yet. */
export interface Capability {
  key: 'licences' | 'seals' | 'face' | 'policies' | 'complaints'
  name: string
  description: string
  route: Route | null
  tab: boolean
}

export const CAPABILITIES: readonly Capability[] = [
  { key: 'licences', name: '许证闹钟', description: '证照到期前按工作日提醒续期', route: ROUTES.licences, tab: true },
  { key: 'seals', name: '电子印章', description: '领取印章、授权经办人、扫码签章', route: ROUTES.seals, tab: false },
  { key: 'face', name: '刷脸办事', description: '人脸核身后关联本人名下企业', route: ROUTES.face, tab: false },
  { key: 'policies', name: '惠企政策', description: '符合条件的政策精准推送', route: ROUTES.policies, tab: false },
  {
    key: 'complaints',
    name: '有诉即办',
    description: '提交诉求，限时办结，好差评',
    route: ROUTES.complaints,
    tab: false,
  },
]
