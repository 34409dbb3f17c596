import type { FastifyInstance, FastifyRequest } from 'fastify'
import * as endpoints from '../../../../src/contract/policies/endpoints'
import { ops, type PolicyPushFrequency } from '../../../../src/contract/policies/schemas'
import { currentEnterprise } from '../../../kernel/auth/enterprise-access'
import { currentUser, requireUser } from '../../../kernel/auth/require-user'
import { findSession } from '../../../kernel/auth/sessions'
import { bearerToken } from '../../../kernel/auth/tokens'
import { ApiError } from '../../../kernel/http/api-error'
import { contractRoute, noContent } from '../../../kernel/http/contract-route'
import { todayInChina } from '../../../kernel/http/today'
import { validationError } from '../../../kernel/http/input-errors'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, decodeCursor, pageOf } from '../catalogue-page'
import { matchAll } from '../matching'
import {
  favouriteIds,
  findPolicy,
  loadProfileFacts,
  publishedPolicies,
  regionCodeOf,
  saveProfileFacts,
  toPolicyView,
} from '../policy-repo'
import { isOpen } from '../../../../src/domain/policies/match'
import { NATIONAL, regionApplies } from '../../../../src/domain/regions/regionCodes'
import { regionChildren, regionName, regionPath } from '../../../../src/domain/regions/regionNames'

const tags = ['policies']

/** The signed-in user on a route that works without login too; an absent or stale token is just anonymous. */
async function optionalUserId(request: FastifyRequest): Promise<string | null> {
  const token = bearerToken(request.headers.authorization)
  if (!token) return null
  const found = await findSession(request.server.db, token, request.server.clock())
  return found.status === 'valid' ? found.userId : null
}

function includes(haystack: string, needle: string): boolean {
  return haystack.toLowerCase().includes(needle.trim().toLowerCase())
}

/** 惠企政策: the public catalogue and 政策计算器, and an enterprise's matches, facts and favourites. */
export async function policyRoutes(app: FastifyInstance): Promise<void> {
  contractRoute(
    app,
    endpoints.listPolicies,
    ops.listPolicies,
    {
      tags,
      summary:
        '已发布的惠企政策，分页（无需登录；可按适用地区、层级、发文单位、红利类型、是否在申报期、免申即享、关键词筛选）',
    },
    async (request) => {
      const { level, issuer, benefitType, openNow, autoGrant, q, region } = request.query
      const limit = request.query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(request.query.limit)
      if (limit < 1 || limit > MAX_PAGE_SIZE)
        throw validationError([{ field: 'limit', message: `每页条数应为 1 至 ${MAX_PAGE_SIZE}` }])
      const after = request.query.cursor === undefined ? null : decodeCursor(request.query.cursor)
      if (request.query.cursor !== undefined && after === null)
        throw validationError([{ field: 'cursor', message: '翻页位置无效，请从第一页重新加载' }])
      if (region !== undefined && regionName(region) === null)
        throw validationError([{ field: 'region', message: `没有行政区划代码为 ${region} 的地区` }])
      const today = todayInChina(app)
      const userId = await optionalUserId(request)
      const favourites = userId ? await favouriteIds(app.db, userId) : new Set<string>()
      const views = (await publishedPolicies(app.db))
        .filter(({ body }) => {
          // The same rule as the matcher's region conditions: national, the province, city or district.
          if (region !== undefined && regionApplies(regionCodeOf(body) ?? '', region) === 'no') return false
          if (level !== undefined && body.level !== level) return false
          if (issuer !== undefined && !includes(body.issuer, issuer)) return false
          if (benefitType !== undefined && body.benefit.type !== benefitType) return false
          if (openNow !== undefined && isOpen(body, today) !== (openNow === 'true')) return false
          if (autoGrant !== undefined && body.autoGrant !== (autoGrant === 'true')) return false
          if (q !== undefined && ![body.title, body.summary, body.issuer].some((text) => includes(text, q)))
            return false
          return true
        })
        .map((row) => toPolicyView(row, today, favourites.has(row.id)))
      return pageOf(views, limit, after)
    },
  )

  contractRoute(
    app,
    endpoints.getRegions,
    ops.getRegions,
    { tags, summary: '行政区划（GB/T 2260）：code 的上级路径与下一级地区；不带 code 时为各省份（无需登录）' },
    async (request, reply) => {
      const { code } = request.query
      if (code !== undefined && code !== NATIONAL && regionName(code) === null)
        throw validationError([{ field: 'code', message: `没有行政区划代码为 ${code} 的地区` }])
      // The table changes with a package upgrade, not between requests.
      reply.header('cache-control', 'public, max-age=86400')
      return { path: code === undefined ? [] : regionPath(code), children: regionChildren(code) }
    },
  )

  contractRoute(
    app,
    endpoints.getPolicy,
    ops.getPolicy,
    { tags, summary: '政策详情（仅已发布的）' },
    async (request) => {
      const row = await findPolicy(app.db, request.params.id)
      if (!row || row.status !== 'published') throw new ApiError('POLICY_NOT_FOUND')
      const userId = await optionalUserId(request)
      const favourite = userId ? (await favouriteIds(app.db, userId)).has(row.id) : false
      return toPolicyView(row, todayInChina(app), favourite)
    },
  )

  contractRoute(
    app,
    endpoints.calculatePolicies,
    ops.calculatePolicies,
    { tags, summary: '政策计算器（无需登录）：按填写的企业信息逐条说明每项政策的条件，可申报 → 差一点 → 不符合' },
    async (request) => {
      const wanted = request.body.policyIds ? new Set(request.body.policyIds) : null
      const policies = (await publishedPolicies(app.db))
        .filter((row) => wanted === null || wanted.has(row.id))
        .map((row) => row.body)
      return { results: matchAll(request.body.profile, policies, todayInChina(app)) }
    },
  )

  contractRoute(
    app,
    endpoints.getPolicyMatches,
    ops.getPolicyMatches,
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'policies:match' },
      tags,
      summary: '本企业可申报与差一点的政策（按已保存的企业信息匹配；差一点列出待补充的信息）',
    },
    async (request) => {
      const { enterpriseId } = currentEnterprise(request)
      const { profile } = await loadProfileFacts(app.db, enterpriseId)
      const policies = (await publishedPolicies(app.db)).map((row) => row.body)
      const results = matchAll(profile, policies, todayInChina(app))
      return {
        enterpriseId,
        profile,
        eligible: results.filter((result) => result.verdict === 'eligible'),
        near: results.filter((result) => result.verdict === 'near'),
      }
    },
  )

  contractRoute(
    app,
    endpoints.getProfileFacts,
    ops.getProfileFacts,
    { onRequest: requireUser, config: { enterpriseAction: 'profile:read' }, tags, summary: '本企业用于政策匹配的信息' },
    async (request) => {
      const { enterpriseId } = currentEnterprise(request)
      return { enterpriseId, ...(await loadProfileFacts(app.db, enterpriseId)) }
    },
  )

  contractRoute(
    app,
    endpoints.saveProfileFacts,
    ops.saveProfileFacts,
    {
      onRequest: requireUser,
      config: { enterpriseAction: 'profile:write' },
      tags,
      summary: '保存政策计算器填写的企业信息（整体替换）',
    },
    async (request) => {
      const { enterpriseId } = currentEnterprise(request)
      const { profile } = request.body
      const updatedAt = await saveProfileFacts(app.db, enterpriseId, profile, currentUser(request).id)
      return { enterpriseId, profile, updatedAt }
    },
  )

  contractRoute(
    app,
    endpoints.listPolicyFavourites,
    ops.listPolicyFavourites,
    { onRequest: requireUser, tags, summary: '我收藏的政策（已下架的不再列出）' },
    async (request) => {
      const favourites = await favouriteIds(app.db, currentUser(request).id)
      const today = todayInChina(app)
      return (await publishedPolicies(app.db))
        .filter((row) => favourites.has(row.id))
        .map((row) => toPolicyView(row, today, true))
    },
  )

  contractRoute(
    app,
    endpoints.addPolicyFavourite,
    ops.addPolicyFavourite,
    { onRequest: requireUser, tags, summary: '收藏政策（重复收藏无影响）' },
    async (request, reply) => {
      const row = await findPolicy(app.db, request.params.id)
      if (!row || row.status !== 'published') throw new ApiError('POLICY_NOT_FOUND')
      await app.db.query('insert into policy_favourites (user_id, policy_id) values ($1, $2) on conflict do nothing', [
        currentUser(request).id,
        row.id,
      ])
      return noContent(reply)
    },
  )

  contractRoute(
    app,
    endpoints.removePolicyFavourite,
    ops.removePolicyFavourite,
    { onRequest: requireUser, tags, summary: '取消收藏' },
    async (request, reply) => {
      await app.db.query('delete from policy_favourites where user_id = $1 and policy_id = $2', [
        currentUser(request).id,
        request.params.id,
      ])
      return noContent(reply)
    },
  )

  contractRoute(
    app,
    endpoints.getPolicyPush,
    ops.getPolicyPush,
    { onRequest: requireUser, tags, summary: '新政策推送方式：instant（发布即推送，默认）或 weekly（每周汇总）' },
    async (request) => {
      const { rows } = await app.db.query<{ frequency: PolicyPushFrequency }>(
        'select frequency from policy_push_preferences where user_id = $1',
        [currentUser(request).id],
      )
      return { frequency: rows[0]?.frequency ?? 'instant' }
    },
  )

  contractRoute(
    app,
    endpoints.setPolicyPush,
    ops.setPolicyPush,
    { onRequest: requireUser, tags, summary: '设置新政策推送方式' },
    async (request) => {
      await app.db.query(
        `insert into policy_push_preferences (user_id, frequency) values ($1, $2)
         on conflict (user_id) do update set frequency = excluded.frequency, updated_at = now()`,
        [currentUser(request).id, request.body.frequency],
      )
      return { frequency: request.body.frequency }
    },
  )
}
