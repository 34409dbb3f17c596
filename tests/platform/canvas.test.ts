import type * as CanvasModule from '../../src/platform/canvas'
import { loadForPlatform } from './loadForPlatform'

// The platform objects, shaped as the official typings say: WeChat's Canvas node (width, height,
// getContext), Alipay's my.createSelectorQuery / my.getWindowInfo / my.canvasToTempFilePath, and
// the browser's <canvas> inside Taro's <taro-canvas-core>.
type WechatCanvasNode = Pick<WechatMiniprogram.Canvas, 'width' | 'height'> & { getContext: jest.Mock }
type AlipayToTempFileOption = Parameters<typeof my.canvasToTempFilePath>[0]
type AlipayWindowInfo = ReturnType<typeof my.getWindowInfo>

const globals = globalThis as unknown as { my?: unknown }
afterEach(() => {
  delete globals.my
})

/** A 2D context that records what is drawn. */
function fakeCanvas(backing = { width: 300, height: 150 }) {
  const ops: string[] = []
  const context = {
    strokeStyle: '',
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    setTransform: (...m: number[]) => ops.push(`setTransform(${m.join(',')})`),
    clearRect: (...r: number[]) => ops.push(`clearRect(${r.join(',')})`),
    beginPath: () => ops.push('beginPath'),
    moveTo: (x: number, y: number) => ops.push(`moveTo(${x},${y})`),
    lineTo: (x: number, y: number) => ops.push(`lineTo(${x},${y})`),
    stroke: () => ops.push('stroke'),
  }
  const node: WechatCanvasNode = { ...backing, getContext: jest.fn(() => context) }
  return { node, context, ops }
}

/** createSelectorQuery() whose exec answers (asynchronously, as the platforms do) with `result`. */
function fakeQuery(result: () => unknown[]) {
  const asked: { selector?: string; fields?: unknown } = {}
  const query = {
    select: (selector: string) => {
      asked.selector = selector
      return {
        fields: (fields: unknown) => {
          asked.fields = fields
          return { exec: (callback: (r: unknown[]) => void) => void Promise.resolve().then(() => callback(result())) }
        },
      }
    },
  }
  return { query, asked }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const load = (p: 'weapp' | 'alipay' | 'h5') => loadForPlatform<typeof CanvasModule>(p, '../../src/platform/canvas')

describe('inkCanvas', () => {
  it('weapp: finds <canvas type="2d" id> by selector query, scales by pixelRatio and draws synchronously', async () => {
    const { node, ops } = fakeCanvas()
    const { query, asked } = fakeQuery(() => [{ node, width: 320, height: 180 }])
    const { mod, taro } = load('weapp')
    taro.createSelectorQuery = jest.fn(() => query)
    taro.getWindowInfo = jest.fn(() => ({ pixelRatio: 3 }))
    taro.canvasToTempFilePath = jest.fn(async () => ({ tempFilePath: 'wxfile://tmp/ink.png', errMsg: 'ok' }))

    const ink = mod.inkCanvas('signature-pad')
    ink.prepare()
    await settle()
    expect(asked).toEqual({ selector: '#signature-pad', fields: { node: true, size: true } })
    expect(node.getContext).toHaveBeenCalledWith('2d')
    expect([node.width, node.height]).toEqual([960, 540])
    expect(ops).toEqual(['setTransform(3,0,0,3,0,0)'])

    ops.length = 0
    ink.line([10, 20], [30, 40]) // no await: Canvas 2D draws at once, no draw() call
    expect(ops).toEqual(['beginPath', 'moveTo(10,20)', 'lineTo(30,40)', 'stroke'])
    ink.clear()
    expect(ops.at(-1)).toBe('clearRect(0,0,320,180)')

    await expect(ink.snapshot()).resolves.toBe('wxfile://tmp/ink.png')
    expect(taro.canvasToTempFilePath).toHaveBeenCalledWith({ canvas: node, fileType: 'png' })
  })

  it('alipay: my.createSelectorQuery (through Taro) by id, my.getWindowInfo pixelRatio, my.canvasToTempFilePath with the node', async () => {
    const { node, ops } = fakeCanvas()
    const { query, asked } = fakeQuery(() => [{ node, width: 375, height: 180 }])
    const windowInfo: Pick<AlipayWindowInfo, 'pixelRatio'> = { pixelRatio: 2 }
    const canvasToTempFilePath = jest.fn((o: AlipayToTempFileOption) =>
      o.success?.({ tempFilePath: 'https://resource/ink.png', apFilePath: 'https://resource/ink.png' }),
    )
    globals.my = { createSelectorQuery: () => query, getWindowInfo: () => windowInfo, canvasToTempFilePath }
    const { mod, taro } = load('alipay')
    // Taro's alipay runtime hands back my.createSelectorQuery() itself (exec delayed a tick).
    taro.createSelectorQuery = jest.fn(() =>
      (globals.my as { createSelectorQuery: () => unknown }).createSelectorQuery(),
    )

    const ink = mod.inkCanvas('signature-pad')
    // A stroke begun before the node is found is painted once it is.
    ink.line([5, 5], [5, 5])
    await settle()
    expect(asked.selector).toBe('#signature-pad')
    expect([node.width, node.height]).toEqual([750, 360])
    expect(ops).toEqual(['setTransform(2,0,0,2,0,0)', 'beginPath', 'moveTo(5,5)', 'lineTo(5.1,5)', 'stroke'])

    await expect(ink.snapshot()).resolves.toBe('https://resource/ink.png')
    expect(canvasToTempFilePath.mock.calls[0][0]).toMatchObject({
      canvas: node,
      fileType: 'png',
      width: 750,
      height: 360,
    })
  })

  it('h5: the <canvas> inside taro-canvas-core, sized by its box and devicePixelRatio, exported as a data URL', async () => {
    const { node, ops } = fakeCanvas()
    const element = Object.assign(node, {
      getBoundingClientRect: () => ({ width: 343, height: 180 }),
      toDataURL: jest.fn(() => 'data:image/png;base64,iVBO'),
    })
    // Taro H5 answers fields({ node }) with the node only, no size.
    const { query } = fakeQuery(() => [{ node: element, nodeCanvasType: '2d' }])
    const { mod, taro } = load('h5')
    taro.createSelectorQuery = jest.fn(() => query)
    const ratio = window.devicePixelRatio
    window.devicePixelRatio = 2

    const ink = mod.inkCanvas('signature-pad')
    ink.prepare()
    await settle()
    expect([element.width, element.height]).toEqual([686, 360])
    // A re-render of Taro's element resets the canvas size; the next segment scales it again.
    element.width = 343
    ops.length = 0
    ink.line([1, 2], [3, 4])
    expect(element.width).toBe(686)
    expect(ops).toEqual(['setTransform(2,0,0,2,0,0)', 'beginPath', 'moveTo(1,2)', 'lineTo(3,4)', 'stroke'])
    await expect(ink.snapshot()).resolves.toBe('data:image/png;base64,iVBO')
    expect(element.toDataURL).toHaveBeenCalledWith('image/png')
    window.devicePixelRatio = ratio
  })

  it('no canvas on the page: nothing throws, the snapshot is null, and a later find paints what was drawn', async () => {
    const { node, ops } = fakeCanvas()
    let mounted = false
    const { query } = fakeQuery(() => [mounted ? { node, width: 100, height: 50 } : null])
    const { mod, taro } = load('weapp')
    taro.createSelectorQuery = jest.fn(() => query)
    taro.getWindowInfo = jest.fn(() => ({ pixelRatio: 1 }))

    const ink = mod.inkCanvas('signature-pad')
    ink.line([1, 1], [2, 2])
    await settle()
    await expect(ink.snapshot()).resolves.toBeNull()
    mounted = true
    ink.line([2, 2], [3, 3])
    await settle()
    expect(ops.filter((op) => op.startsWith('lineTo'))).toEqual(['lineTo(2,2)', 'lineTo(3,3)'])
  })

  it('a platform without the API loses no strokes and throws nothing', async () => {
    const { mod } = load('h5') // the test Taro has no createSelectorQuery
    const ink = mod.inkCanvas('signature-pad')
    expect(() => {
      ink.prepare()
      ink.line([1, 1], [2, 2])
      ink.clear()
    }).not.toThrow()
    await expect(ink.snapshot()).resolves.toBeNull()
  })
})

describe('inkCanvasProps', () => {
  const gestures = () => ({ start: jest.fn(), move: jest.fn(), end: jest.fn() })

  it.each(['weapp', 'alipay'] as const)('%s: touch events with canvas x/y; the page does not scroll', (p) => {
    const { mod } = load(p)
    const ink = gestures()
    const props = mod.inkCanvasProps(ink) as Record<string, (e: unknown) => void>
    expect(props.disableScroll).toBe(true)
    expect(props.onPointerDown).toBeUndefined()
    props.onTouchStart({ touches: [{ identifier: 0, x: 12, y: 34 }] })
    props.onTouchMove({ touches: [{ identifier: 0, x: 15, y: 36 }] })
    props.onTouchEnd({ changedTouches: [{ identifier: 0, x: 15, y: 36 }] })
    expect(ink.start).toHaveBeenCalledWith([12, 34])
    expect(ink.move).toHaveBeenCalledWith([15, 36])
    expect(ink.end).toHaveBeenCalledTimes(1)
  })

  it('h5: pointer events, measured from the canvas box', () => {
    const { mod } = load('h5')
    const ink = gestures()
    const props = mod.inkCanvasProps(ink) as Record<string, (e: unknown) => void>
    expect(props.onTouchStart).toBeUndefined()
    const currentTarget = { getBoundingClientRect: () => ({ left: 10, top: 100 }) }
    props.onPointerDown({ clientX: 20, clientY: 130, pointerId: 1, currentTarget, preventDefault: () => undefined })
    props.onPointerMove({ clientX: 25, clientY: 140, currentTarget })
    props.onPointerUp({})
    props.onPointerMove({ clientX: 99, clientY: 99, currentTarget })
    expect(ink.start).toHaveBeenCalledWith([10, 30])
    expect(ink.move.mock.calls).toEqual([[[15, 40]]])
    expect(ink.end).toHaveBeenCalledTimes(1)
  })
})
