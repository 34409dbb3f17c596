import { Text, View } from '@tarojs/components'
import type { ComplaintView } from '../../contract/complaints/schemas'
import { RATING_LABELS } from '../../domain/complaints/ratings'
import { CasePhotos } from './AttachmentImage'
import { ACTOR_LABELS, categoryName, slaText, stateChipClass } from './caseDisplay'
import { chinaDateTimeOf } from '../../domain/calendar/dates'

/** 回访 after a 差评: the two deadlines and how far staff have got. */
function ReturnVisitCard(props: { view: ComplaintView }) {
  const visit = props.view.case.returnVisit
  if (!visit) return null
  const estimate = visit.estimate ? '（预估）' : ''
  return (
    <View className='banner' ariaRole='status'>
      <View className='title'>回访整改</View>
      <View>
        回访期限：{visit.callBackBy}
        {estimate} · {visit.calledBackAt ? `已于 ${chinaDateTimeOf(visit.calledBackAt)} 回访` : '待回访'}
      </View>
      <View>
        整改期限：{visit.rectifyBy}
        {estimate} · {visit.rectifiedAt ? `已于 ${chinaDateTimeOf(visit.rectifiedAt)} 整改完成` : '整改中'}
      </View>
    </View>
  )
}

/** What a case shows anyone allowed to see it: state, time limit, content, photos, 回访 and every step. */
export function ComplaintCaseView(props: { view: ComplaintView; showPhotos?: boolean }) {
  const { view } = props
  return (
    <View>
      <View className='card'>
        <View className='row'>
          <View className='title'>{view.title}</View>
          <View className={stateChipClass(view)}>{view.statusLabel}</View>
        </View>
        <View className='muted'>
          {categoryName(view)} · 办理时限 {view.sla.timeLimitWorkingDays} 个工作日 · 答复期限 {view.sla.dueOn}
        </View>
        <View ariaRole='status'>{slaText(view)}</View>
        <Text userSelect style={{ whiteSpace: 'pre-wrap' }}>
          {view.description}
        </Text>
        {view.location ? <View>地点：{view.location.address}</View> : null}
        {view.concernedParty ? <View>涉及部门或企业：{view.concernedParty}</View> : null}
        <View className='muted'>
          {view.anonymous ? '匿名提交：凭查询码查看进展，无回访电话' : `联系电话：${view.contactPhoneMasked ?? '—'}`}
        </View>
        {props.showPhotos !== false && view.attachments.length > 0 ? (
          <CasePhotos complaintId={view.id} attachmentIds={view.attachments.map((a) => a.id)} />
        ) : null}
      </View>
      <ReturnVisitCard view={view} />
      <View className='card'>
        <View className='title'>办理进程</View>
        <View ariaRole='list' ariaLabel='办理进程'>
          {view.timeline.map((entry, index) => (
            <View key={`${entry.at}-${index}`} ariaRole='listitem' className='field'>
              <View>
                <Text className='title'>{entry.title}</Text>
                <Text className='muted'>
                  {' '}
                  {chinaDateTimeOf(entry.at)} · {ACTOR_LABELS[entry.actor]}
                </Text>
              </View>
              {entry.rating ? <View>评价：{RATING_LABELS[entry.rating]}</View> : null}
              {entry.note ? <Text style={{ whiteSpace: 'pre-wrap' }}>{entry.note}</Text> : null}
            </View>
          ))}
        </View>
      </View>
    </View>
  )
}
