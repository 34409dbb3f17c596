import { useEffect, useMemo, useRef } from 'react'
import { Canvas, View } from '@tarojs/components'
import type { StrokePoint } from '../../domain/signing/strokes'
import { ariaProps } from '../../platform/aria'
import { inkCanvas, inkCanvasStyle, inkCanvasProps, type InkPoint } from '../../platform/canvas'
import { ActionButton } from '../../ui/ActionButton'

const CANVAS_ID = 'signature-pad'
// A visible frame: the writing area must be obvious, also in 长辈版.
const PAD_FRAME = { border: '1px dashed #8c8c8c', borderRadius: '8px', background: '#fff', margin: '8px 0' }
const PAD_LABEL = '签名板：请在此区域内用手指或鼠标书写签名'
// CanvasProps has no aria fields although every platform renders them (src/platform/aria.ts).
const PAD_A11Y = ariaProps({ role: 'img', label: PAD_LABEL })

/**
 * 手写签名板: a Taro Canvas (type 2d) that keeps every stroke as points (what the server normalises) and
 * mirrors them as ink. Strokes are handed up when each one ends, not on every move.
 */
export function SignaturePad(props: { onChange: (strokes: StrokePoint[][]) => void }) {
  const strokes = useRef<StrokePoint[][]>([])
  const current = useRef<StrokePoint[] | null>(null)
  const onChange = useRef(props.onChange)
  onChange.current = props.onChange
  const ink = useMemo(() => inkCanvas(CANVAS_ID), [])
  useEffect(() => ink.prepare(), [ink])

  // Stable across renders: on H5 a new handler would be re-attached to the element mid-stroke.
  const gestures = useMemo(() => {
    const round = ([x, y]: InkPoint): StrokePoint => [Math.round(x * 10) / 10, Math.round(y * 10) / 10]
    return inkCanvasProps({
      start: (point) => {
        const p = round(point)
        current.current = [p]
        ink.line(p, p)
      },
      move: (point) => {
        const stroke = current.current
        if (!stroke) return
        const p = round(point)
        ink.line(stroke[stroke.length - 1], p)
        stroke.push(p)
      },
      end: () => {
        const stroke = current.current
        current.current = null
        if (!stroke) return
        strokes.current = [...strokes.current, stroke]
        onChange.current(strokes.current)
      },
    })
  }, [ink])

  const clear = () => {
    strokes.current = []
    current.current = null
    ink.clear()
    onChange.current([])
  }

  return (
    <View>
      <View className='signature-pad' style={PAD_FRAME}>
        {/* Canvas 2D, found by its id: Alipay and WeChat both look a type="2d" canvas up that way. */}
        <Canvas
          type='2d'
          id={CANVAS_ID}
          className='signature-pad__canvas'
          style={{ width: '100%', height: '180px', display: 'block', ...inkCanvasStyle }}
          {...PAD_A11Y}
          {...gestures}
        />
      </View>
      <ActionButton label='重写' variant='secondary' onClick={clear} />
    </View>
  )
}
