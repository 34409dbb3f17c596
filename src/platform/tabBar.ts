import Taro from '@tarojs/taro'

/** The unread count on a tab (0 clears it). Fails quietly off a tab page, where it cannot show. */
export function setTabBadge(index: number, count: number): void {
  const call =
    count > 0
      ? Taro.setTabBarBadge({ index, text: count > 99 ? '99+' : String(count) })
      : Taro.removeTabBarBadge({ index })
  void Promise.resolve(call).catch(() => undefined)
}
