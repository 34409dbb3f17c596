import Taro from '@tarojs/taro'
import { platform, type Platform } from './env'

/** A point in canvas pixels (origin top-left of the canvas). */
export type InkPoint = [number, number]

export interface InkGestures {
  start: (point: InkPoint) => void
  move: (point: InkPoint) => void
  end: () => void
}

type Handler = (event: unknown) => void
type CanvasProps = Record<string, Handler | boolean>

interface TouchLike {
  x?: number
  y?: number
  clientX?: number
  clientY?: number
}

interface GestureEvent {
  touches?: TouchLike[]
  changedTouches?: TouchLike[]
  clientX?: number
  clientY?: number
  pointerId?: number
  currentTarget?: { getBoundingClientRect?: () => { left: number; top: number } } | null
  target?: { setPointerCapture?: (pointerId: number) => void } | null
  preventDefault?: () => void
}

// WeChat and Alipay canvas touches carry x/y relative to the canvas. Where only client
// coordinates come, the offset is harmless: normaliseStrokes moves the signature into its box.
function touchPoint(event: GestureEvent): InkPoint | null {
  const touch = event.touches?.[0] ?? event.changedTouches?.[0]
  if (!touch) return null
  const x = touch.x ?? touch.clientX
  const y = touch.y ?? touch.clientY
  return typeof x === 'number' && typeof y === 'number' ? [x, y] : null
}

// H5: a DOM PointerEvent (mouse, pen or finger) on Taro's <taro-canvas-core>, whose inner
// <canvas> fills it and is sized in CSS pixels, so client minus the element's box is canvas pixels.
function pointerPoint(event: GestureEvent): InkPoint | null {
  if (typeof event.clientX !== 'number' || typeof event.clientY !== 'number') return null
  const box = event.currentTarget?.getBoundingClientRect?.() ?? { left: 0, top: 0 }
  return [event.clientX - box.left, event.clientY - box.top]
}

function touchGestures(ink: InkGestures): CanvasProps {
  const at = (handle: (p: InkPoint) => void) => (event: unknown) => {
    const point = touchPoint(event as GestureEvent)
    if (point) handle(point)
  }
  return {
    // Mini-programs: a finger on the canvas must not scroll the page.
    disableScroll: true,
    onTouchStart: at(ink.start),
    onTouchMove: at(ink.move),
    onTouchEnd: ink.end,
    onTouchCancel: ink.end,
  }
}

function pointerGestures(ink: InkGestures): CanvasProps {
  let drawing = false
  return {
    onPointerDown: (event) => {
      const e = event as GestureEvent
      const point = pointerPoint(e)
      if (!point) return
      drawing = true
      // Keep receiving moves when the pen strays outside the pad mid-stroke.
      if (typeof e.pointerId === 'number') e.target?.setPointerCapture?.(e.pointerId)
      e.preventDefault?.()
      ink.start(point)
    },
    onPointerMove: (event) => {
      if (!drawing) return
      const point = pointerPoint(event as GestureEvent)
      if (point) ink.move(point)
    },
    onPointerUp: () => {
      if (drawing) ink.end()
      drawing = false
    },
    onPointerCancel: () => {
      if (drawing) ink.end()
      drawing = false
    },
  }
}

const GESTURES: Record<Platform, (ink: InkGestures) => CanvasProps> = {
  weapp: touchGestures,
  alipay: touchGestures,
  // Pointer events cover the mouse of a desktop browser as well as touch; touch-action: none on
  // the canvas (see inkCanvasStyle) stops the page scrolling under a finger instead.
  h5: pointerGestures,
}

/** Props for a Taro <Canvas> that report a hand-drawn stroke's points on this platform. */
export function inkCanvasProps(ink: InkGestures): CanvasProps {
  return GESTURES[platform](ink)
}

/** Style for the drawing canvas: no page scroll or zoom gesture under a finger while drawing (H5). */
export const inkCanvasStyle = { touchAction: 'none' } as const

export interface InkCanvas {
  /** Draws one segment of a stroke (a dot when from equals to). */
  line: (from: InkPoint, to: InkPoint) => void
  clear: () => void
}

/**
 * The visible ink, through the canvas API all three platforms share (createCanvasContext). The
 * ink only mirrors the strokes the screen keeps; when a platform cannot draw, nothing is lost.
 */
export function inkCanvas(canvasId: string): InkCanvas {
  let context: Taro.CanvasContext | null = null
  const ctx = (): Taro.CanvasContext | null => {
    try {
      context ??= Taro.createCanvasContext(canvasId)
      return context
    } catch {
      return null
    }
  }
  const safely = (paint: (c: Taro.CanvasContext) => void) => {
    const c = ctx()
    if (!c) return
    try {
      paint(c)
    } catch {
      // The canvas is not mounted yet or was torn down: the strokes are kept regardless.
      context = null
    }
  }
  return {
    line: (from, to) =>
      safely((c) => {
        c.setStrokeStyle('#1a1a1a')
        c.setLineWidth(3)
        c.setLineCap('round')
        c.setLineJoin('round')
        c.beginPath()
        c.moveTo(from[0], from[1])
        c.lineTo(to[0] === from[0] && to[1] === from[1] ? to[0] + 0.1 : to[0], to[1])
        c.stroke()
        c.draw(true)
      }),
    clear: () => safely((c) => c.draw(false)),
  }
}
