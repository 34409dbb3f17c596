import { apiBaseFor, LOCAL_API_BASE, releaseApiBaseProblem } from '../../config/apiBase'

describe('the API base compiled into a build', () => {
  test('development mini-program builds keep the local server; H5 calls its own origin', () => {
    expect(apiBaseFor({ platform: 'weapp', release: false })).toBe(LOCAL_API_BASE)
    expect(apiBaseFor({ platform: 'alipay', release: false })).toBe('http://127.0.0.1:10086')
    expect(apiBaseFor({ platform: 'h5', release: false })).toBe('')
    expect(apiBaseFor({ platform: 'h5', release: true })).toBe('')
  })

  test.each([
    [undefined, 'API_BASE_URL is not set'],
    ['http://zqt.example.gov.cn', 'must use https'],
    ['https://127.0.0.1:10086', 'not 127.0.0.1'],
    ['https://localhost', 'not localhost'],
    ['https://[::1]', 'not [::1]'],
    ['zqt.example.gov.cn', 'not an absolute URL'],
    ['https://zqt.example.gov.cn/?x=1', 'without credentials, query or fragment'],
  ])('a release mini-program build refuses API_BASE_URL=%s', (url, reason) => {
    for (const platform of ['weapp', 'alipay']) {
      expect(() => apiBaseFor({ platform, release: true, apiBaseUrl: url })).toThrow(reason)
    }
    expect(releaseApiBaseProblem(url)).toContain(reason)
  })

  test('a release build takes an https origin on a domain, without a trailing slash', () => {
    expect(apiBaseFor({ platform: 'weapp', release: true, apiBaseUrl: 'https://zqt.example.gov.cn/' })).toBe(
      'https://zqt.example.gov.cn',
    )
    expect(apiBaseFor({ platform: 'alipay', release: true, apiBaseUrl: 'https://api.zqt.cn:8443' })).toBe(
      'https://api.zqt.cn:8443',
    )
    expect(releaseApiBaseProblem('https://zqt.example.gov.cn')).toBeNull()
  })
})
