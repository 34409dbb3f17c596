import type { ApiClient } from '../../src/api/client'
import { complaintPhotoPath } from '../../src/api/complaints/complaintPhotoPath'
import { getComplaint } from '../../src/api/complaints/getComplaint'
import { getComplaintByCode } from '../../src/api/complaints/getComplaintByCode'
import { listComplaints } from '../../src/api/complaints/listComplaints'
import { submitComplaint } from '../../src/api/complaints/submitComplaint'
import { takeComplaintAction } from '../../src/api/complaints/takeComplaintAction'
import { uploadComplaintPhoto, type BinaryRequest } from '../../src/api/complaints/uploadComplaintPhoto'
import { userMessage } from '../../src/api/errors'
import { getSubscriptions } from '../../src/api/reminders/getSubscriptions'
import * as account from '../../src/contract/account/endpoints'
import * as complaints from '../../src/contract/complaints/endpoints'
import { expectedCall, recordingClient } from '../contract-path'

const ID = 'c0000000-0000-4000-8000-000000000001'
const INPUT = { category: 'complaint', title: '道路积水', description: '连续三天下雨后道路积水严重。', anonymous: true }

it.each([
  [
    'submit',
    (c: ApiClient) => submitComplaint(c, INPUT, 'key-1'),
    expectedCall(complaints.submitComplaint),
    INPUT,
    'key-1',
  ],
  ['list', (c: ApiClient) => listComplaints(c), expectedCall(complaints.listComplaints), undefined, undefined],
  [
    'detail',
    (c: ApiClient) => getComplaint(c, ID),
    expectedCall(complaints.getComplaint, { complaintId: ID }),
    undefined,
    undefined,
  ],
  [
    'by code',
    (c: ApiClient) => getComplaintByCode(c, 'ABCDEFGHJK'),
    expectedCall(complaints.getComplaintByCode, { code: 'ABCDEFGHJK' }),
    undefined,
    undefined,
  ],
  [
    'rate',
    (c: ApiClient) => takeComplaintAction(c, ID, { type: 'rate', level: 'dissatisfied', comment: '没解决' }),
    expectedCall(complaints.takeComplaintAction, { complaintId: ID }),
    { type: 'rate', level: 'dissatisfied', comment: '没解决' },
    undefined,
  ],
])('%s calls its descriptor', async (_name, call, expected, body, key) => {
  const { client, calls } = recordingClient(() => ({}))
  await call(client)
  expect(calls).toEqual([{ ...expected, options: expected.method === 'GET' ? undefined : expect.anything() }])
  expect(calls[0].options?.body).toEqual(body)
  expect(calls[0].options?.idempotencyKey).toBe(key)
})

test('the 诉求进展 subscription templates are asked for by purpose; without one the licence default stays', async () => {
  const { client, calls } = recordingClient(() => ({}))
  await getSubscriptions(client, 'weapp', 'complaint')
  await getSubscriptions(client, 'alipay')
  expect(calls).toEqual([
    { ...expectedCall(account.getSubscriptions), options: { query: { platform: 'weapp', purpose: 'complaint' } } },
    { ...expectedCall(account.getSubscriptions), options: { query: { platform: 'alipay', purpose: undefined } } },
  ])
})

test('a photo path escapes its ids', () => {
  const path = complaintPhotoPath('a/b', 'c')
  expect(path).toBe(expectedCall(complaints.getComplaintPhoto, { complaintId: 'a/b', attachmentId: 'c' }).path)
  expect(path).toContain('/a%2Fb/')
})

describe('uploadComplaintPhoto: the raw-body upload speaks the same errors as the JSON client', () => {
  const sent: BinaryRequest[] = []
  const upload = (answer: () => Promise<{ status: number; headers: Record<string, string>; body: unknown }>) =>
    uploadComplaintPhoto({
      baseUrl: 'https://api.example.cn',
      token: 'tok',
      mimeType: 'image/jpeg',
      send: (request) => {
        sent.push(request)
        return answer()
      },
    })

  beforeEach(() => (sent.length = 0))

  test('201 → the attachment, sent with the image type and the token', async () => {
    const body = JSON.stringify({ attachmentId: 'a1', mimeType: 'image/jpeg', sizeBytes: 10 })
    await expect(upload(async () => ({ status: 201, headers: {}, body }))).resolves.toEqual({
      attachmentId: 'a1',
      mimeType: 'image/jpeg',
      sizeBytes: 10,
    })
    expect(sent[0].url).toBe(`https://api.example.cn${expectedCall(complaints.uploadComplaintPhoto).path}`)
    expect(sent[0].headers).toMatchObject({ 'Content-Type': 'image/jpeg', Authorization: 'Bearer tok' })
  })

  test('a refusal carries the server message', async () => {
    const body = JSON.stringify({ code: 'PAYLOAD_TOO_LARGE', message: '照片超过 5 MB，请压缩后再上传' })
    const error = await upload(async () => ({ status: 413, headers: {}, body })).catch((e) => e)
    expect(error).toMatchObject({ name: 'BusinessError', status: 413, code: 'PAYLOAD_TOO_LARGE' })
    expect(userMessage(error)).toBe('照片超过 5 MB，请压缩后再上传')
  })

  test('no answer → NetworkError or TimeoutError; a gateway page → HttpError', async () => {
    const network = await upload(() => Promise.reject({ kind: 'network', message: 'fail' })).catch((e) => e)
    expect(network.name).toBe('NetworkError')
    const timeout = await upload(() => Promise.reject({ kind: 'timeout', message: 'slow' })).catch((e) => e)
    expect(timeout.name).toBe('TimeoutError')
    const gateway = await upload(async () => ({ status: 502, headers: {}, body: '<html>Bad Gateway</html>' })).catch(
      (e) => e,
    )
    expect(gateway).toMatchObject({ name: 'HttpError', status: 502 })
  })
})
