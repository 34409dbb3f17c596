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
  /** Finds the canvas on the page ahead of the first stroke (call once it is mounted). */
  prepare: () => void
  /** Draws one segment of a stroke (a dot when from equals to). */
  line: (from: InkPoint, to: InkPoint) => void
  clear: () => void
  /** The ink as a PNG: a temp file path on mini-programs, a data: URL on H5; null when there is no canvas. */
  snapshot: () => Promise<string | null>
}

/** The few members of a 2D context the pad uses (WeChat, Alipay and the browser all have them). */
interface Ink2D {
  strokeStyle: unknown
  lineWidth: number
  lineCap: string
  lineJoin: string
  setTransform: (a: number, b: number, c: number, d: number, e: number, f: number) => void
  clearRect: (x: number, y: number, width: number, height: number) => void
  beginPath: () => void
  moveTo: (x: number, y: number) => void
  lineTo: (x: number, y: number) => void
  stroke: () => void
}

/** A type="2d" canvas node: WeChat's and Alipay's Canvas, or the browser's HTMLCanvasElement. */
interface CanvasNode {
  width: number
  height: number
  getContext: (type: '2d') => unknown
}

/** The node with its size in CSS pixels (what touches and pointers are measured in). */
interface FoundCanvas {
  node: CanvasNode
  width: number
  height: number
}

interface CanvasAdapter {
  /** Resolves null while the canvas is not on the page. */
  find: (canvasId: string) => Promise<FoundCanvas | null>
  pixelRatio: () => number
  toImage: (node: CanvasNode) => Promise<string>
}

interface NodeQuery {
  select: (selector: string) => {
    fields: (fields: { node: boolean; size: boolean }) => { exec: (callback: (result: unknown) => void) => void }
  }
}

/**
 * createSelectorQuery().select('#id').fields({ node, size }): the canvas node and its layout size.
 * Taro's createSelectorQuery is the platform's own (my.createSelectorQuery on Alipay) with exec
 * delayed until the render in flight has reached the page, so a canvas just mounted is found.
 */
function queryCanvas(canvasId: string): Promise<FoundCanvas | null> {
  return new Promise((resolve) => {
    ;(Taro.createSelectorQuery() as unknown as NodeQuery)
      .select(`#${canvasId}`)
      .fields({ node: true, size: true })
      .exec((result) => {
        const hit = (result as ({ node?: CanvasNode | null; width?: number; height?: number } | null)[] | null)?.[0]
        if (!hit?.node) return resolve(null)
        resolve({ node: hit.node, width: hit.width ?? hit.node.width, height: hit.height ?? hit.node.height })
      })
  })
}

function wechatPixelRatio(): number {
  try {
    return Taro.getWindowInfo().pixelRatio || 1
  } catch {
    return Taro.getSystemInfoSync().pixelRatio || 1
  }
}

const CANVAS: Record<Platform, CanvasAdapter> = {
  // Canvas 2D (基础库 2.9.0+); the legacy createCanvasContext is no longer maintained.
  // https://developers.weixin.qq.com/miniprogram/dev/component/canvas.html
  weapp: {
    find: queryCanvas,
    pixelRatio: wechatPixelRatio,
    toImage: async (node) =>
      (await Taro.canvasToTempFilePath({ canvas: node as unknown as Taro.Canvas, fileType: 'png' })).tempFilePath,
  },
  // Alipay looks a canvas up by the id it is given (Taro generates its own otherwise), and draws
  // through the Canvas 2D API only with type="2d" (基础库 2.7.0+).
  // https://opendocs.alipay.com/mini/api/node
  alipay: {
    find: queryCanvas,
    pixelRatio: () => {
      try {
        return my.getWindowInfo().pixelRatio || 1
      } catch {
        return my.getSystemInfoSync().pixelRatio || 1
      }
    },
    toImage: (node) =>
      new Promise((resolve, reject) => {
        my.canvasToTempFilePath({
          canvas: node as unknown as NonNullable<Parameters<typeof my.canvasToTempFilePath>[0]['canvas']>,
          x: 0,
          y: 0,
          width: node.width,
          height: node.height,
          destWidth: node.width,
          destHeight: node.height,
          fileType: 'png',
          quality: 1,
          success: (result) => resolve(result.tempFilePath || result.apFilePath),
          fail: reject,
        })
      }),
  },
  // Taro H5 answers the query with the <canvas> inside <taro-canvas-core> (only when its type is 2d),
  // but without a size, so the element's own box gives it.
  h5: {
    find: async (canvasId) => {
      const found = await queryCanvas(canvasId)
      if (!found) return null
      const box = (found.node as unknown as HTMLCanvasElement).getBoundingClientRect()
      return { node: found.node, width: box.width, height: box.height }
    },
    pixelRatio: () => (typeof window !== 'undefined' && window.devicePixelRatio) || 1,
    toImage: async (node) => (node as unknown as HTMLCanvasElement).toDataURL('image/png'),
  },
}

interface Surface extends FoundCanvas {
  context: Ink2D
  backingWidth: number
}

/**
 * The visible ink on a <Canvas type="2d" id={canvasId}>, drawn synchronously through the Canvas
 * 2D API once the node is found. Segments drawn before that are kept and painted when it is. The
 * ink only mirrors the strokes the screen keeps; when a platform cannot draw, nothing is lost.
 */
export function inkCanvas(canvasId: string): InkCanvas {
  const adapter = CANVAS[platform]
  let surface: Surface | null = null
  let finding: Promise<Surface | null> | null = null
  let waiting: [InkPoint, InkPoint][] = []

  // Backing store in device pixels, drawing in CSS pixels: sharp ink on high-density screens.
  const fit = (s: Surface) => {
    const ratio = adapter.pixelRatio()
    s.node.width = Math.max(1, Math.round(s.width * ratio))
    s.node.height = Math.max(1, Math.round(s.height * ratio))
    s.backingWidth = s.node.width
    s.context.setTransform(ratio, 0, 0, ratio, 0, 0)
  }

  const paint = (c: Ink2D, from: InkPoint, to: InkPoint) => {
    c.strokeStyle = '#1a1a1a'
    c.lineWidth = 3
    c.lineCap = 'round'
    c.lineJoin = 'round'
    c.beginPath()
    c.moveTo(from[0], from[1])
    c.lineTo(to[0] === from[0] && to[1] === from[1] ? to[0] + 0.1 : to[0], to[1])
    c.stroke()
  }

  const lookUp = async (): Promise<Surface | null> => {
    const found = await adapter.find(canvasId)
    const context = found ? (found.node.getContext('2d') as Ink2D | null) : null
    if (!found || !context) return null
    const s: Surface = { ...found, context, backingWidth: 0 }
    fit(s)
    for (const [from, to] of waiting) paint(context, from, to)
    waiting = []
    surface = s
    return s
  }

  const attach = (): Promise<Surface | null> => {
    if (surface) return Promise.resolve(surface)
    finding ??= lookUp()
      .catch(() => null)
      .then((s) => {
        finding = null
        return s
      })
    return finding
  }

  return {
    prepare: () => void attach(),
    line: (from, to) => {
      if (!surface) {
        // Kept for when the node arrives; a canvas never found drops them at the next clear.
        if (waiting.length < 5000) waiting.push([from, to])
        void attach()
        return
      }
      try {
        // A re-render that resets the element's size (Taro H5 does) also resets the transform.
        if (surface.node.width !== surface.backingWidth) fit(surface)
        paint(surface.context, from, to)
      } catch {
        surface = null // torn down: find it again on the next segment
      }
    },
    clear: () => {
      waiting = []
      try {
        surface?.context.clearRect(0, 0, surface.width, surface.height)
      } catch {
        surface = null
      }
    },
    snapshot: async () => {
      const s = await attach()
      if (!s) return null
      try {
        return await adapter.toImage(s.node)
      } catch {
        return null
      }
    },
  }
}
