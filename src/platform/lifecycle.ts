import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'

/** Page lifecycle hooks, re-exported so pages and features never import Taro directly. */
export { useDidShow, usePullDownRefresh, useRouter }

/** Ends the pull-down spinner; pages call it when their refresh settles. */
export function stopPullDownRefresh(): void {
  Taro.stopPullDownRefresh()
}
