import { Image } from '@tarojs/components'
import { svgDataUrl } from './svgDataUrl'

/**
 * A seal or signature picture with an accessible name on every platform: mini-programs read
 * ariaLabel; Taro's H5 Image (<taro-image-core>) keeps it on the host element, which has no role, so
 * the inner <img> gets it as alt through nativeProps.
 */
export function SvgImage(props: { svg: string; label: string; width: number; height: number; className?: string }) {
  return (
    <Image
      className={props.className}
      style={{ width: `${props.width}px`, height: `${props.height}px` }}
      src={svgDataUrl(props.svg)}
      mode='aspectFit'
      ariaLabel={props.label}
      nativeProps={{ alt: props.label }}
    />
  )
}
