import { useState } from 'react'
import { Input, Textarea, View } from '@tarojs/components'
import {
  characterCount,
  DESCRIPTION_MAX_CHARS,
  isMainlandMobile,
  MAX_ADDRESS_CHARS,
  MAX_CONCERNED_PARTY_CHARS,
  maskedContactPhone,
  TITLE_MAX_CHARS,
} from '../../domain/complaints/validation'
import { ActionButton } from '../../ui/ActionButton'
import { LabelledSwitch } from '../../ui/LabelledSwitch'
import { TextField } from '../../ui/TextField'
import { draftProblems } from './complaintRequest'
import { useComplaintRules } from './complaintRules'
import { useComplaintDraft } from './draftStore'
import { pickAndUploadPhotos, removePhoto, uploadPhoto } from './photoUploads'
import { PhotoGrid } from './PhotoGrid'
import { useProgressSubscription } from './progressSubscribe'

/** The new-complaint form. Every change lands in the persisted draft at once. */
export function ComplaintForm(props: { onSubmit: () => void }) {
  const { draft, update, error, sending } = useComplaintDraft()
  const [tried, setTried] = useState(false)
  const [editingPhone, setEditingPhone] = useState(() => !isMainlandMobile(draft.contactPhone))
  const problems = draftProblems(draft)
  const shown = tried ? problems : {}
  const descriptionCount = characterCount(draft.description.trim())
  const askForProgressNotices = useProgressSubscription()
  const { categories } = useComplaintRules()

  // The tap itself: the subscribe prompt (real-name only) must be asked for from here.
  const submit = () => {
    setTried(true)
    if (Object.keys(problems).length > 0) return
    if (!draft.anonymous) askForProgressNotices()
    props.onSubmit()
  }

  return (
    <View className='card'>
      <View className='field'>
        <View className='field__label'>诉求类别</View>
        <View className='chips' ariaRole='radiogroup' ariaLabel='诉求类别'>
          {categories.map((category) => {
            const selected = draft.category === category.code
            const state = { ariaChecked: selected } as object
            return (
              <View
                key={category.code}
                {...state}
                ariaRole='radio'
                ariaLabel={`${category.name}，${category.timeLimitWorkingDays} 个工作日内答复`}
                className={selected ? 'chip chip--control chip--selected' : 'chip chip--control'}
                onClick={() => update({ category: category.code })}
              >
                {category.name} · {category.timeLimitWorkingDays} 个工作日
              </View>
            )
          })}
        </View>
        {shown.category ? <View className='error-text'>{shown.category}</View> : null}
      </View>
      <TextField
        label='标题'
        value={draft.title}
        maxlength={TITLE_MAX_CHARS}
        placeholder='一句话概括您的诉求'
        error={shown.title}
        onChange={(title) => update({ title })}
      />
      <View className='field'>
        <View className='field__label'>诉求内容</View>
        <Textarea
          className='input'
          value={draft.description}
          maxlength={DESCRIPTION_MAX_CHARS + 200}
          placeholder='请写明发生了什么、希望如何解决（10–1000 字）'
          ariaLabel='诉求内容'
          onInput={(e) => update({ description: e.detail.value })}
        />
        <View className={descriptionCount > DESCRIPTION_MAX_CHARS ? 'error-text' : 'muted'} ariaRole='status'>
          {descriptionCount}/{DESCRIPTION_MAX_CHARS}
        </View>
        {shown.description ? <View className='error-text'>{shown.description}</View> : null}
      </View>
      <PhotoGrid
        photos={draft.photos}
        error={shown.photos}
        disabled={sending}
        onAdd={() => void pickAndUploadPhotos()}
        onRemove={removePhoto}
        onRetry={(id) => void uploadPhoto(id)}
      />
      <TextField
        label='地点（选填）'
        value={draft.place}
        maxlength={MAX_ADDRESS_CHARS + 20}
        placeholder='如：许昌市魏都区七一路 12 号'
        error={shown.place}
        onChange={(place) => update({ place })}
      />
      <TextField
        label='涉及部门或企业（选填）'
        value={draft.concerned}
        maxlength={MAX_CONCERNED_PARTY_CHARS + 20}
        placeholder='如：某某物业服务有限公司、区市场监管局'
        error={shown.concerned}
        onChange={(concerned) => update({ concerned })}
      />
      <LabelledSwitch
        label='匿名提交'
        hint={
          draft.anonymous
            ? '匿名提交后将获得一个查询码，凭码查看进展；不会收到通知，也没有回访电话'
            : '实名提交（推荐）：办理进展会通知您，差评后有回访整改'
        }
        checked={draft.anonymous}
        onChange={(anonymous) => update({ anonymous })}
      />
      {draft.anonymous ? null : editingPhone ? (
        <View className='field'>
          <View className='field__label'>联系电话</View>
          <Input
            className='input'
            type='number'
            value={draft.contactPhone}
            maxlength={13}
            placeholder='请输入联系电话'
            ariaLabel='联系电话'
            onInput={(e) => update({ contactPhone: e.detail.value })}
            onBlur={() => setEditingPhone(!isMainlandMobile(draft.contactPhone))}
          />
          {shown.contactPhone ? <View className='error-text'>{shown.contactPhone}</View> : null}
        </View>
      ) : (
        <View className='field row'>
          <View>联系电话：{maskedContactPhone(draft.contactPhone)}</View>
          <View className='link' ariaRole='button' ariaLabel='修改联系电话' onClick={() => setEditingPhone(true)}>
            修改
          </View>
        </View>
      )}
      {error ? (
        <View className='error-text' ariaRole='alert'>
          {error}
        </View>
      ) : null}
      <ActionButton label='提交诉求' disabled={sending} onClick={submit}>
        {sending ? '正在提交…' : '提交'}
      </ActionButton>
      <View className='muted'>草稿会自动保存，退出后再进入可继续填写</View>
    </View>
  )
}
