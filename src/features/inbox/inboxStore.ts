import { create } from 'zustand'
import type { InboxMessage } from '../../contract/account/schemas'
import { userMessage } from '../../api/errors'
import { listInbox } from '../../api/inbox/listInbox'
import { markAllRead } from '../../api/inbox/markAllRead'
import { markRead } from '../../api/inbox/markRead'
import { apiClient } from '../../core/apiClient'

/** 消息: reminders and notices, newest first, with the unread count for the tab badge. */
interface InboxState {
  items: InboxMessage[]
  unread: number
  nextCursor: string | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  refresh: () => Promise<void>
  loadMore: () => Promise<void>
  read: (id: string) => Promise<void>
  readAll: () => Promise<void>
}

export const useInbox = create<InboxState>()((set, get) => ({
  items: [],
  unread: 0,
  nextCursor: null,
  status: 'idle',
  error: null,
  refresh: async () => {
    set({ status: 'loading', error: null })
    try {
      const page = await listInbox(apiClient)
      set({ items: page.items, unread: page.unread, nextCursor: page.nextCursor, status: 'ready' })
    } catch (e) {
      set({ status: 'error', error: userMessage(e) })
    }
  },
  loadMore: async () => {
    const cursor = get().nextCursor
    if (!cursor) return
    try {
      const page = await listInbox(apiClient, cursor)
      set({ items: [...get().items, ...page.items], unread: page.unread, nextCursor: page.nextCursor })
    } catch (e) {
      set({ error: userMessage(e) })
    }
  },
  read: async (id) => {
    const message = get().items.find((m) => m.id === id)
    if (!message || message.readAt) return
    const readAt = new Date().toISOString()
    set({ items: get().items.map((m) => (m.id === id ? { ...m, readAt } : m)), unread: Math.max(0, get().unread - 1) })
    await markRead(apiClient, id).catch(() => undefined)
  },
  readAll: async () => {
    try {
      await markAllRead(apiClient)
      const readAt = new Date().toISOString()
      set({ items: get().items.map((m) => ({ ...m, readAt: m.readAt ?? readAt })), unread: 0 })
    } catch (e) {
      set({ error: userMessage(e) })
    }
  },
}))
