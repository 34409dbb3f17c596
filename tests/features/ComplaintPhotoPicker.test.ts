import { loadForPlatform } from '../platform/loadForPlatform'

type Media = typeof import('../../src/platform/media')

// The H5 picker: the browser's file input, answered here as a user picking red.png then blue.png.
let picked: File[] | 'cancel' = []
const clickSpy = jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
  if (picked === 'cancel') return void this.dispatchEvent(new Event('cancel'))
  Object.defineProperty(this, 'files', { value: picked, configurable: true })
  this.dispatchEvent(new Event('change'))
})
const urls = new Map<string, Blob>()
URL.createObjectURL = (blob: Blob) => {
  const url = `blob:${(blob as File).name}`
  urls.set(url, blob)
  return url
}

afterAll(() => clickSpy.mockRestore())

test('H5: photos come back in the order the user picked them, and the file input is removed', async () => {
  const { mod } = loadForPlatform<Media>('h5', '../../src/platform/media')
  picked = [
    new File(['r'.repeat(3000)], 'red.png', { type: 'image/png' }),
    new File(['b'.repeat(10)], 'blue.jpg', { type: 'image/jpeg' }),
  ]
  const photos = await mod.choosePhotos(9)
  expect(photos.map((p) => [p.previewPath, p.mimeType, p.sizeBytes])).toEqual([
    ['blob:red.png', 'image/png', 3000],
    ['blob:blue.jpg', 'image/jpeg', 10],
  ])
  expect(document.querySelector('input[type=file]')).toBeNull()
})

test('H5: at most the room left is taken, and a cancelled pick gives none', async () => {
  const { mod } = loadForPlatform<Media>('h5', '../../src/platform/media')
  picked = ['a', 'b', 'c'].map((n) => new File(['x'], `${n}.png`, { type: 'image/png' }))
  expect((await mod.choosePhotos(2)).map((p) => p.previewPath)).toEqual(['blob:a.png', 'blob:b.png'])
  picked = 'cancel'
  expect(await mod.choosePhotos(2)).toEqual([])
})

test('previewing asks the platform to show the photos from the tapped one', () => {
  const { mod, taro } = loadForPlatform<Media>('h5', '../../src/platform/media')
  taro.previewImage = jest.fn().mockResolvedValue({})
  mod.previewPhotos(['blob:a', 'blob:b'], 'blob:b')
  expect(taro.previewImage).toHaveBeenCalledWith({ urls: ['blob:a', 'blob:b'], current: 'blob:b' })
})
