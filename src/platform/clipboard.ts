import Taro from '@tarojs/taro'

/** Copies text (a query code, a case number); rejects when the platform refuses the clipboard. */
export async function copyText(text: string): Promise<void> {
  await Taro.setClipboardData({ data: text })
}
