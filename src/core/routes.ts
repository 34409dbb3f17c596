import { routeTable, TABS, type RouteTable } from '../domain/manifest'

/**
 * Every page's path, so navigation never carries a typo: generated from src/domain/manifest.ts (one
 * name per page, typed to the letter). Tab pages are opened with switchTab. The pages messages
 * link to share their paths with the server's deep links (src/domain/links.ts);
 * tests/scripts/manifest.test.ts checks the two agree.
 */
export const ROUTES: RouteTable = routeTable()

export type Route = RouteTable[keyof RouteTable]

export const TAB_ROUTES: readonly Route[] = TABS.map((name) => ROUTES[name])
