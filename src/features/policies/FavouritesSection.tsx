import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { ErrorText } from '../../ui/ErrorText'
import { StatusView } from '../../ui/StatusView'
import { PolicyCard } from './PolicyCard'
import { usePolicies } from './policiesStore'

/** 我的收藏: the policies the user saved that are still published. */
export function FavouritesSection(props: { onOpen: (policyId: string) => void }) {
  const { favourites, favouritesLoading, favouritesError, loadFavourites } = usePolicies()

  // Each time it is shown: saved on another device or another user signed in meanwhile.
  useEffect(() => {
    void loadFavourites()
  }, [loadFavourites])

  return (
    <View>
      <View className='title'>我的收藏</View>
      {favouritesLoading && favourites ? <View className='muted'>正在刷新…</View> : null}
      {favourites ? <ErrorText message={favouritesError} /> : null}
      {favourites === null ? (
        favouritesError ? (
          <StatusView kind='error' text={favouritesError} onRetry={() => void loadFavourites()} />
        ) : (
          <StatusView kind='loading' text='正在加载收藏…' />
        )
      ) : favourites.length === 0 ? (
        <StatusView
          kind='empty'
          text='还没有收藏的政策'
          hint='打开政策详情点「收藏」，就能在这里找到（已撤回的政策不再显示）'
        />
      ) : (
        <View>
          <View className='muted'>共 {favourites.length} 项</View>
          {favourites.map((view) => (
            <PolicyCard key={view.policy.id} view={view} onOpen={props.onOpen} />
          ))}
        </View>
      )}
    </View>
  )
}
