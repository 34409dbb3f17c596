import { runInNewContext } from 'node:vm'
import { HOME_ROUTE } from '../../config/index'
import { routeOf, routePreloadScript } from '../../config/plugins/routePreload'
import { appPagesConfig } from '../../src/domain/appManifest'

const ROUTES = {
  'pages/workbench/index': ['/js/352.a.js', '/js/672.b.js'],
  'packages/policies/pages/list/index': ['/js/352.a.js', '/js/527.c.js', '/js/511.d.js'],
}

/** What index.html's <head> asks for before app.js runs, opened at `hash`. */
function preloadsAt(hash: string): Array<{ rel: string; as: string; href: string }> {
  const head: Array<{ rel: string; as: string; href: string }> = []
  const document = {
    createElement: () => ({ rel: '', as: '', href: '' }),
    head: { appendChild: (link: { rel: string; as: string; href: string }) => head.push(link) },
  }
  runInNewContext(routePreloadScript(ROUTES, HOME_ROUTE), { document, location: { hash } })
  return head
}

describe('H5: the opened page’s chunks download beside app.js', () => {
  test('a hash route preloads its page’s chunk files as scripts', () => {
    expect(preloadsAt('#/packages/policies/pages/list/index')).toEqual([
      { rel: 'preload', as: 'script', href: '/js/352.a.js' },
      { rel: 'preload', as: 'script', href: '/js/527.c.js' },
      { rel: 'preload', as: 'script', href: '/js/511.d.js' },
    ])
    expect(preloadsAt('#/packages/policies/pages/list/index?from=share').map((l) => l.href)).toHaveLength(3)
  })

  test('"/" preloads the first page; an unknown route preloads nothing', () => {
    expect(preloadsAt('').map((l) => l.href)).toEqual(['/js/352.a.js', '/js/672.b.js'])
    expect(preloadsAt('#/').map((l) => l.href)).toEqual(['/js/352.a.js', '/js/672.b.js'])
    expect(preloadsAt('#/packages/nowhere/pages/x/index')).toEqual([])
  })

  test('a page import request names its route; other imports are no page', () => {
    expect(routeOf('./pages/licences/index')).toBe('pages/licences/index')
    expect(routeOf('/work/app/src/packages/policies/pages/list/index.tsx')).toBe('packages/policies/pages/list/index')
    expect(routeOf('./features/policies/PolicyCard')).toBeUndefined()
  })

  test('HOME_ROUTE is the first page of src/app.config.ts (generated from src/domain/manifest.ts)', () => {
    expect(appPagesConfig().pages[0]).toBe(HOME_ROUTE)
  })
})
