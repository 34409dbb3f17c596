import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { RegionLevelView } from '../contract/policies/schemas'
import { userMessage } from '../api/errors'
import { getRegions } from '../api/policies/getRegions'
import { apiClient } from './apiClient'
import { regionLevel } from '../domain/regions/regionCodes'
import { ActionButton } from '../ui/ActionButton'
import { ErrorText } from '../ui/ErrorText'

type Entry = RegionLevelView['path'][number]

/** 「河南省 许昌市 魏都区」; a municipality's repeated name (北京市 北京市) said once. */
export function pathText(path: readonly Entry[]): string {
  return path
    .map((entry) => entry.name)
    .filter((name, i, names) => i === 0 || name !== names[i - 1])
    .join(' ')
}

/**
 * 省 → 市 → 区县, one level at a time from the server (GB/T 2260 names; the table never ships in
 * the app). Every choice is a button with its name, so it works by keyboard, screen reader and in
 * 长辈版 (buttons grow with the text). `allowWider` lets a whole province or city be chosen (a
 * catalogue filter); without it only a district (or a city without districts) is an answer.
 * Shared by 政策计算器, the catalogue filter and the enterprise profile (hence core, not a feature).
 */
export function RegionPicker(props: {
  /** What is being chosen, e.g. 注册地. */
  label: string
  value: string | undefined
  onChange: (code: string | undefined, path: Entry[]) => void
  allowWider?: boolean
}) {
  const { value } = props
  const [chosen, setChosen] = useState<Entry[] | null>(value ? null : [])
  const [open, setOpen] = useState(false)
  const [level, setLevel] = useState<RegionLevelView | null>(null)
  const [error, setError] = useState<string | null>(null)

  // The chosen code's names, asked once per code (the value may come from a saved profile).
  useEffect(() => {
    if (!value) {
      setChosen([])
      return
    }
    let live = true
    getRegions(apiClient, value)
      .then((found) => live && setChosen(found.path))
      .catch(() => live && setChosen([{ code: value, name: value }]))
    return () => {
      live = false
    }
  }, [value])

  const browse = (code?: string) => {
    setError(null)
    getRegions(apiClient, code)
      .then((found) => {
        if (code && found.children.length === 0) return choose(found.path)
        setLevel(found)
      })
      .catch((e: unknown) => setError(userMessage(e)))
  }
  const choose = (path: Entry[]) => {
    setOpen(false)
    setLevel(null)
    setChosen(path)
    props.onChange(path.length ? path[path.length - 1].code : undefined, path)
  }

  const current = chosen === null ? '…' : chosen.length ? pathText(chosen) : '未选择'
  if (!open)
    return (
      <View className='row'>
        <View ariaRole='status'>
          {props.label}：{current}
        </View>
        <ActionButton
          variant='secondary'
          label={chosen?.length ? `更改${props.label}` : `选择${props.label}`}
          onClick={() => {
            setOpen(true)
            // Start where the current choice sits: a district's city, a city's province.
            const parent = value && chosen?.length ? chosen[chosen.length - 2]?.code : undefined
            browse(parent)
          }}
        />
      </View>
    )

  const path = level?.path ?? []
  const here = path[path.length - 1]
  return (
    <View className='card' ariaLabel={`选择${props.label}`}>
      <View className='row'>
        <ActionButton variant='secondary' label='全部省份' onClick={() => browse()} />
        {path.map((entry) => (
          <ActionButton key={entry.code} variant='secondary' label={entry.name} onClick={() => browse(entry.code)} />
        ))}
      </View>
      {level === null && !error ? <View className='muted'>正在加载地区…</View> : null}
      <ErrorText message={error} />
      {here && props.allowWider ? (
        <ActionButton
          label={`就选${pathText(path)}（全${regionLevel(here.code) === 'province' ? '省' : '市'}）`}
          onClick={() => choose(path)}
        />
      ) : null}
      <View className='chips'>
        {(level?.children ?? []).map((child) => (
          <ActionButton
            key={child.code}
            variant='secondary'
            label={child.name}
            onClick={() => (regionLevel(child.code) === 'district' ? choose([...path, child]) : browse(child.code))}
          />
        ))}
      </View>
      <ActionButton variant='secondary' label='取消' onClick={() => setOpen(false)} />
    </View>
  )
}
