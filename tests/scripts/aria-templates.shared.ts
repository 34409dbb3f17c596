// The plugin of config/plugins/aria-templates.ts against the real platform plugins: the template
// Taro would write (base.wxml / base.axml) and the runtime's attribute numbering.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Config from 'webpack-chain'
import type { IPluginContext, TaroPlatformBase } from '@tarojs/service'
import plugin, { ARIA_RUNTIME, applyAriaAttributes } from '../../config/plugins/aria-templates'
import { checkTemplateAria } from '../../scripts/output-check'

type Components = Record<string, Record<string, string>>
interface Template {
  internalComponents: Components
  componentsAlias: Record<string, Record<string, string>>
  isUseXS: boolean
  buildTemplate(config: unknown): string
}

const { getComponentsAlias } = jest.requireActual('@tarojs/shared') as {
  getComponentsAlias(components: Components): Record<string, Record<string, string>>
}
const EIGHT = ['view', 'button', 'text', 'image', 'input', 'textarea', 'canvas', 'switch']
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

function fakeContext() {
  const methods: Record<string, (platform: TaroPlatformBase) => void> = {}
  const chains: ((args: { chain: Config }) => void)[] = []
  const ctx = {
    helper: jest.requireActual('@tarojs/helper'),
    paths: { outputPath: mkdtempSync(path.join(tmpdir(), 'zqt-aria-')) },
    initialConfig: {},
    registerMethod: ({ name, fn }: { name: string; fn: (platform: TaroPlatformBase) => void }) => (methods[name] = fn),
    modifyWebpackChain: (fn: (args: { chain: Config }) => void) => chains.push(fn),
    modifyMiniConfigs: () => undefined,
    modifyBuildAssets: () => undefined,
  }
  return { ctx: ctx as unknown as IPluginContext, methods, chains }
}

/** The platform as its own plugin leaves it at the end of setup, before ours. */
function platformFor(name: 'weapp' | 'alipay', ctx: IPluginContext) {
  const config = { compiler: 'webpack5' }
  if (name === 'weapp') {
    const { Weapp } = jest.requireActual('@tarojs/plugin-platform-weapp')
    const weapp = new Weapp(ctx, config, {})
    weapp.modifyTemplate({})
    return weapp as TaroPlatformBase & { template: Template }
  }
  const { Alipay } = jest.requireActual('@tarojs/plugin-platform-alipay')
  const alipay = new Alipay(ctx, config)
  alipay.modifyComponents()
  return alipay as TaroPlatformBase & { template: Template }
}

/** Opening tags of one component that bind attributes (slot-view's `slot` aside), as attribute-name lists. */
function bindingTags(template: string, tag: string): string[][] {
  const tags = template.match(new RegExp(`<${tag}\\s[^>]*>`, 'g')) ?? []
  return tags
    .filter((t) => /\{\{[^}]*\bi\.p\d/.test(t.replace(/\sslot="[^"]*"/, '')))
    .map((t) => [...t.matchAll(/\s([a-z-]+)="/g)].map((m) => m[1]))
}

export function describeAriaTemplates(
  name: 'weapp' | 'alipay',
  expected: { role: string; viewAttributes: string[]; otherAttributes: string[] },
) {
  describe(`aria-templates plugin on ${name}`, () => {
    let platform: TaroPlatformBase & { template: Template }
    let before: Components
    let template: string
    let chains: ((args: { chain: Config }) => void)[]
    const originalRuntime = () =>
      name === 'weapp' ? '@tarojs/plugin-platform-weapp/dist/runtime' : '@tarojs/plugin-platform-alipay/dist/runtime'

    beforeAll(() => {
      const fake = fakeContext()
      chains = fake.chains
      platform = platformFor(name, fake.ctx)
      before = clone(platform.template.internalComponents)
      plugin(fake.ctx)
      fake.methods.onSetupClose(platform)
      platform.template.isUseXS = true
      template = platform.template.buildTemplate({
        includes: new Set(),
        exclude: new Set(),
        thirdPartyComponents: new Map(),
        includeAll: true,
      })
      rmSync(fake.ctx.paths.outputPath, { recursive: true, force: true })
    })

    test('View binds the role, the label and the states the app sets', () => {
      const views = bindingTags(template, 'view')
      expect(views.length).toBeGreaterThan(0)
      for (const attrs of views) {
        expect(attrs.filter((a) => a === expected.role || a.startsWith('aria-'))).toEqual(expected.viewAttributes)
      }
    })

    test.each(EIGHT.filter((c) => c !== 'view'))('%s binds the role and the label', (tag) => {
      const tags = bindingTags(template, tag)
      expect(tags.length).toBeGreaterThan(0)
      for (const attrs of tags) {
        expect(attrs.filter((a) => a === expected.role || a.startsWith('aria-'))).toEqual(expected.otherAttributes)
      }
    })

    test('the output check passes the template with the runtime table shipped, all eight components present', () => {
      const dir = path.join(mkdtempSync(path.join(tmpdir(), 'zqt-aria-out-')), name)
      mkdirSync(dir)
      writeFileSync(path.join(dir, name === 'weapp' ? 'base.wxml' : 'base.axml'), template)
      const table: Components = {}
      jest.isolateModules(() => {
        jest.doMock('@tarojs/shared', () => ({ mergeInternalComponents: (c: Components) => Object.assign(table, c) }))
        process.env.TARO_ENV = name
        require('../../config/plugins/aria-runtime')
      })
      writeFileSync(path.join(dir, 'app.js'), `var t=${JSON.stringify(table)};`)
      const report = checkTemplateAria(dir, name)
      rmSync(path.dirname(dir), { recursive: true, force: true })
      expect(report.findings).toEqual([])
      expect(report.unused).toEqual([])
    })

    test('the runtime half numbers attributes as the template does; without it they would shift', () => {
      let merged: Components | undefined
      jest.isolateModules(() => {
        jest.doMock('@tarojs/shared', () => ({ mergeInternalComponents: (c: Components) => (merged = c) }))
        process.env.TARO_ENV = name
        require('../../config/plugins/aria-runtime')
      })
      expect(merged).toBeDefined()
      // mergeInternalComponents: Object.assign per component, as @tarojs/shared does at run time.
      const runtime = clone(before)
      for (const [component, attrs] of Object.entries(merged as Components)) Object.assign(runtime[component], attrs)
      expect(getComponentsAlias(runtime)).toEqual(platform.template.componentsAlias)
      expect(getComponentsAlias(before).view).not.toEqual(platform.template.componentsAlias.view)
      expect(platform.template.componentsAlias.view.ariaLabel).toMatch(/^p\d+$/)
    })

    test('the app entry imports the runtime half after the platform runtime', () => {
      expect(platform.runtimePath).toEqual([originalRuntime(), ARIA_RUNTIME])
    })

    test('webpack compiles the runtime half with Babel and keeps its bare import', () => {
      const chain = new Config()
      chain.module
        .rule('script')
        .test(/\.[tj]sx?$/)
        .include.add('/src')
      for (const fn of chains) fn({ chain })
      const config = chain.toConfig()
      const rules = config.module?.rules as { test?: unknown; include?: string[]; sideEffects?: boolean }[]
      expect(rules[0].include).toContain(path.dirname(ARIA_RUNTIME))
      expect(rules.find((rule) => rule.test === ARIA_RUNTIME)?.sideEffects).toBe(true)
    })
  })

  test('the H5 platform is left alone', () => {
    const h5 = { platform: 'h5', runtimePath: 'x' } as unknown as TaroPlatformBase
    expect(applyAriaAttributes(fakeContext().ctx, h5)).toBe(false)
    expect(h5.runtimePath).toBe('x')
    let called = false
    jest.isolateModules(() => {
      jest.doMock('@tarojs/shared', () => ({ mergeInternalComponents: () => (called = true) }))
      process.env.TARO_ENV = 'h5'
      require('../../config/plugins/aria-runtime')
    })
    expect(called).toBe(false)
  })
}
