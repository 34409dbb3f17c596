import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import type { ViewProps } from '@tarojs/components'
import { isIsoDate } from '../../domain/calendar/dates'
import { industryText, normalizeIndustryCode } from '../../domain/policies/industryCodes'
import type { CalculatorStep, EnterpriseProfile } from '../../domain/policies/profile'
import { DateField } from '../../ui/DateField'
import { ListBox, ListOption } from '../../ui/ListBox'
import { searchIndustries } from './calculatorOptions'
import { FilterChips } from './FilterChips'
import { RegionPicker } from '../../core/RegionPicker'

/** The chip for 「不在园区」 (stored as null). */
const NO_ZONE = 'none'

type Value = EnterpriseProfile[keyof EnterpriseProfile] | undefined

function asText(value: Value): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : ''
}

/** A figure as typed: '' clears it, anything not a finite figure ≥ 0 is not an answer yet. */
function parseFigure(text: string, integer: boolean): number | undefined {
  const trimmed = text.trim()
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined
  const value = Number(trimmed)
  return integer && !Number.isInteger(value) ? undefined : value
}

/** One 政策计算器 question's answer control, by the kind of fact it asks for. */
export function FactInput(props: {
  step: CalculatorStep
  value: Value
  /** Development zones the catalogue names, offered for the zone question. */
  zones: string[]
  onChange: (value: Value) => void
  /** The text as typed, answer or not, so the screen never drops it silently. */
  onTyped?: (text: string) => void
}) {
  const { step, value, onChange } = props
  const [text, setText] = useState(asText(value))
  const label = step.question.replace(/[？?]$/, '')

  const textInput = (placeholder: string, parse: (typed: string) => Value, unit?: string) => (
    <View className='row'>
      <Input
        className='input field__input'
        value={text}
        type={step.input === 'count' || step.input === 'amount-wan' ? 'digit' : 'text'}
        placeholder={placeholder}
        ariaLabel={label}
        onInput={(e) => {
          setText(e.detail.value)
          props.onTyped?.(e.detail.value)
          onChange(parse(e.detail.value))
        }}
      />
      {unit ? <View>{unit}</View> : null}
    </View>
  )

  switch (step.input) {
    case 'industry': {
      const code = normalizeIndustryCode(text)
      const matches = code ? [] : searchIndustries(text)
      return (
        <View>
          {textInput('所属行业：代码或名称，如 C1432 或 食品', (typed) => normalizeIndustryCode(typed) ?? undefined)}
          {typeof value === 'string' ? <View className='muted'>已选：{industryText(value)}</View> : null}
          {matches.length ? (
            <ListBox label='行业搜索结果'>
              {matches.map((option) => (
                <ListOption
                  key={option.code}
                  label={`选择行业：${option.name}（${option.code}）`}
                  selected={option.code === value}
                  onSelect={() => {
                    setText(option.code)
                    onChange(option.code)
                  }}
                >
                  {option.name}（{option.code}）
                </ListOption>
              ))}
            </ListBox>
          ) : null}
        </View>
      )
    }
    case 'region':
      return (
        <RegionPicker
          label='注册地'
          value={typeof value === 'string' ? value : undefined}
          onChange={(code) => onChange(code)}
        />
      )
    case 'zone':
      return (
        <View>
          {textInput('所在开发区（园区）名称', (typed) => typed.trim() || undefined)}
          <FilterChips
            name='所在园区'
            options={[
              { value: NO_ZONE, label: step.noneLabel ?? '不在园区' },
              ...props.zones.map((zone) => ({ value: zone, label: zone })),
            ]}
            selected={value === null ? NO_ZONE : typeof value === 'string' ? value : undefined}
            onSelect={(zone) => {
              setText(zone === NO_ZONE ? '' : (zone ?? ''))
              onChange(zone === NO_ZONE ? null : zone)
            }}
          />
        </View>
      )
    case 'count':
      return textInput(`${label}（${step.unit}）`, (typed) => parseFigure(typed, true), step.unit)
    case 'amount-wan':
      return textInput(`${label}（${step.unit}）`, (typed) => parseFigure(typed, false), step.unit)
    case 'date':
    case 'date-or-none':
      return (
        <View>
          <DateField
            label={step.fieldLabel ?? label}
            value={typeof value === 'string' ? value : text}
            onChange={(typed) => {
              setText(typed)
              props.onTyped?.(typed)
              onChange(isIsoDate(typed) ? typed : undefined)
            }}
          />
          {step.input === 'date-or-none' ? (
            <FilterChips
              name={label}
              options={[{ value: 'none', label: step.noneLabel ?? '无' }]}
              selected={value === null ? 'none' : undefined}
              onSelect={(none) => onChange(none ? null : undefined)}
            />
          ) : null}
        </View>
      )
    case 'multi-choice': {
      const held = Array.isArray(value) ? (value as string[]) : undefined
      return (
        <View className='chips'>
          {[...(step.options ?? []), { value: '', label: step.noneLabel ?? '无' }].map((option) => {
            const on = option.value === '' ? held?.length === 0 : (held?.includes(option.value) ?? false)
            const toggle = () => {
              if (option.value === '') return onChange(on ? undefined : [])
              const next = on ? held!.filter((v) => v !== option.value) : [...(held ?? []), option.value]
              onChange(next as EnterpriseProfile['qualifications'])
            }
            return (
              <View
                key={option.value || 'none'}
                className={on ? 'chip chip--control chip--selected' : 'chip chip--control'}
                {...({ ariaChecked: on } as ViewProps)}
                ariaRole='checkbox'
                ariaLabel={option.label}
                onClick={toggle}
              >
                {option.label}
              </View>
            )
          })}
        </View>
      )
    }
    case 'single-choice':
      return (
        <FilterChips
          name={label}
          options={(step.options ?? []).map((option) => ({ value: option.value, label: option.label }))}
          selected={typeof value === 'string' ? value : undefined}
          onSelect={(choice) => onChange(choice as Value)}
        />
      )
    case 'yes-no':
      return (
        <FilterChips
          name={label}
          options={[
            { value: 'yes', label: '是' },
            { value: 'no', label: '否' },
          ]}
          selected={value === true ? 'yes' : value === false ? 'no' : undefined}
          onSelect={(choice) => onChange(choice === undefined ? undefined : choice === 'yes')}
        />
      )
  }
}
