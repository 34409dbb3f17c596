import { View } from '@tarojs/components'
import { ActionButton } from '../../ui/ActionButton'
import { CatalogueFilters, CatalogueList, FILTER_PARTS } from './CatalogueSection'
import { FavouritesSection } from './FavouritesSection'
import { FilterChips } from './FilterChips'
import { MatchesSection } from './MatchesSection'
import { PushPreferenceSection } from './PushPreferenceSection'
import { usePolicies } from './policiesStore'
import { useAfterFirstPaint } from './useAfterFirstPaint'

const VIEWS = [
  { value: 'all' as const, label: '全部政策' },
  { value: 'favourites' as const, label: '我的收藏' },
]

/**
 * 惠企政策: the filters first (the region defaulted to the enterprise's own, policiesStore.openFor),
 * then for the current enterprise 符合条件 and 差一点 (a few of each), then the catalogue. Signed
 * out (or with no enterprise chosen) it is the catalogue and the 政策计算器, which need no login.
 * Signed in, 我的收藏 can stand in for the catalogue.
 */
export function PolicyListScreen(props: {
  signedIn: boolean
  enterpriseId: string | null
  onOpen: (policyId: string) => void
  onCalculator: () => void
}) {
  const listView = usePolicies((s) => s.listView)
  const setListView = usePolicies((s) => s.setListView)
  const showFavourites = props.signedIn && listView === 'favourites'
  // On an H5 cold start the first paint is the 政策计算器 card alone (the page's LCP); the rest (all
  // below it) is appended under it a part per frame once that paint is on screen: the filters
  // (FILTER_PARTS of them), then the matches and the catalogue.
  const stage = useAfterFirstPaint(FILTER_PARTS + 1)
  const filters = stage >= 1
  const rest = stage > FILTER_PARTS
  return (
    <View>
      <View className='card'>
        <View className='title'>政策计算器</View>
        <View className='muted'>填写企业基本信息，逐条看清能享受哪些政策、还差什么</View>
        <ActionButton label='打开政策计算器' onClick={props.onCalculator} />
      </View>
      {filters && !showFavourites ? <CatalogueFilters parts={stage} /> : null}
      {!rest ? null : props.enterpriseId ? (
        <MatchesSection enterpriseId={props.enterpriseId} onOpen={props.onOpen} onCompleteFacts={props.onCalculator} />
      ) : (
        <View className='muted'>
          {props.signedIn ? '选择企业后，可为您的企业匹配政策' : '登录并选择企业后，可为您的企业匹配可申报的政策'}
        </View>
      )}
      {rest && props.signedIn ? (
        <FilterChips
          name='查看'
          options={VIEWS}
          selected={listView}
          onSelect={(value) => setListView(value ?? 'all')}
        />
      ) : null}
      {!rest ? null : showFavourites ? (
        <FavouritesSection onOpen={props.onOpen} />
      ) : (
        <CatalogueList onOpen={props.onOpen} />
      )}
      {rest && props.signedIn ? <PushPreferenceSection /> : null}
    </View>
  )
}
