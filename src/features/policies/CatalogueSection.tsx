import { useEffect, useRef, useState } from 'react'
import { Input, View } from '@tarojs/components'
import type { PolicyListQuery, PolicyView } from '../../contract/policies/schemas'
import {
  BENEFIT_TYPE_LABELS,
  POLICY_LEVEL_LABELS,
  type BenefitType,
  type PolicyLevel,
} from '../../domain/policies/policy'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { StatusView } from '../../ui/StatusView'
import { FilterChips } from './FilterChips'
import { PolicyCard } from './PolicyCard'
import { RegionPicker } from '../../core/RegionPicker'
import { usePolicies } from './policiesStore'
import { useDebounced } from './useDebounced'
import { useStaged } from './useStaged'

const ALL = { value: undefined, label: '全部' }
const LEVELS = [
  ALL,
  ...Object.entries(POLICY_LEVEL_LABELS).map(([value, label]) => ({ value: value as PolicyLevel, label })),
]
const BENEFITS = [
  ALL,
  ...Object.entries(BENEFIT_TYPE_LABELS).map(([value, label]) => ({ value: value as BenefitType, label })),
]
const YES = [ALL, { value: 'true' as const, label: '是' }]

/** How many parts CatalogueFilters has: region and search boxes, two rows of chips, two more. */
export const FILTER_PARTS = 3

/**
 * The catalogue's search and filters (region, level, issuer, benefit type, open now, 免申即享): shown
 * first on the page, above the matches and the list, so they never sit screens below. `parts`
 * (1…FILTER_PARTS, all by default) shows only the first few: on an H5 cold start they are
 * appended one frame at a time, so no single task after the first paint renders them all.
 */
export function CatalogueFilters(props: { parts?: number }) {
  const parts = props.parts ?? FILTER_PARTS
  const filter = usePolicies((s) => s.filter)
  const setFilter = usePolicies((s) => s.setFilter)
  const [q, setQ] = useState(filter.q ?? '')
  const [issuer, setIssuer] = useState(filter.issuer ?? '')
  const typed = useDebounced({ q: q.trim(), issuer: issuer.trim() }, 300)
  const first = useRef(true)

  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    void setFilter({ q: typed.q || undefined, issuer: typed.issuer || undefined })
  }, [typed.q, typed.issuer, setFilter])

  const choose = (patch: Partial<PolicyListQuery>) => void setFilter(patch)

  return (
    <View>
      <View className='title'>查找政策</View>
      <RegionPicker label='适用地区' allowWider value={filter.region} onChange={(region) => choose({ region })} />
      {filter.region ? (
        <ActionButton
          variant='secondary'
          label='不限地区（含外地政策）'
          onClick={() => choose({ region: undefined })}
        />
      ) : null}
      <Input
        className='input'
        value={q}
        placeholder='搜索政策名称、摘要或发文单位'
        ariaLabel='搜索政策'
        onInput={(e) => setQ(e.detail.value)}
      />
      <Input
        className='input'
        value={issuer}
        placeholder='发文单位，如 工业和信息化'
        ariaLabel='按发文单位筛选'
        onInput={(e) => setIssuer(e.detail.value)}
      />
      {parts >= 2 ? (
        <>
          <FilterChips
            showName
            name='层级'
            options={LEVELS}
            selected={filter.level}
            onSelect={(level) => choose({ level })}
          />
          <FilterChips
            showName
            name='红利类型'
            options={BENEFITS}
            selected={filter.benefitType}
            onSelect={(benefitType) => choose({ benefitType })}
          />
        </>
      ) : null}
      {parts >= 3 ? (
        <>
          <FilterChips
            showName
            name='正在申报'
            options={YES}
            selected={filter.openNow}
            onSelect={(openNow) => choose({ openNow })}
          />
          <FilterChips
            showName
            name='免申即享'
            options={YES}
            selected={filter.autoGrant}
            onSelect={(autoGrant) => choose({ autoGrant })}
          />
        </>
      ) : null}
    </View>
  )
}

const NO_CARDS: PolicyView[] = []

/** 全部政策: the filtered catalogue, a page at a time (加载更多). */
export function CatalogueList(props: { onOpen: (policyId: string) => void }) {
  const { catalogue, catalogueTotal, nextCursor, catalogueLoading, catalogueError, filter, loadCatalogue, loadMore } =
    usePolicies()
  const filtered = Object.values(filter).some((value) => value !== undefined)
  // Four cards at once, four more per frame: no single long task for the 20 of a page.
  const cards = useStaged(catalogue ?? NO_CARDS, (view) => view.policy.id, 4, 4)
  return (
    <View>
      <View className='title'>{filter.region ? '可适用于所选地区的政策' : '全部政策'}</View>
      {catalogueLoading && catalogue ? <View className='muted'>正在刷新…</View> : null}
      {catalogue ? <ErrorText message={catalogueError} /> : null}
      {catalogue === null ? (
        catalogueError ? (
          <StatusView kind='error' text={catalogueError} onRetry={() => void loadCatalogue()} />
        ) : (
          <StatusView kind='loading' text='正在加载政策…' />
        )
      ) : catalogue.length === 0 ? (
        <StatusView
          kind='empty'
          text={filtered ? '没有符合条件的政策' : '暂无已发布的政策'}
          hint={filtered ? '换个筛选条件或关键词试试' : undefined}
        />
      ) : (
        <View>
          <View className='muted'>
            共 {catalogueTotal} 项{catalogueTotal > catalogue.length ? `，已显示 ${catalogue.length} 项` : ''}
          </View>
          {cards.map((view) => (
            <PolicyCard key={view.policy.id} view={view} onOpen={props.onOpen} />
          ))}
          {nextCursor ? (
            <ActionButton
              variant='secondary'
              label='加载更多'
              disabled={catalogueLoading}
              onClick={() => void loadMore()}
            />
          ) : null}
        </View>
      )}
    </View>
  )
}
