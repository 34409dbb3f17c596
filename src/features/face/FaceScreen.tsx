import { useState } from 'react'
import { View } from '@tarojs/components'
import type { FaceTicketIssued, LinkEnterprisesResponse } from '../../contract/esign/schemas'
import { linkEnterprises } from '../../api/face/linkEnterprises'
import { apiClient } from '../../core/apiClient'
import { useEnterpriseContext } from '../../core/enterpriseContext'
import { ActionButton } from '../../ui/ActionButton'
import { FaceVerifyPanel } from './FaceVerifyPanel'

type Linked = { person: FaceTicketIssued['person']; result: LinkEnterprisesResponse }

/** 刷脸办事: verify one's face, then link every enterprise one is the registered legal representative of. */
export function FaceScreen(props: { onDone: () => void }) {
  const [linked, setLinked] = useState<Linked | null>(null)

  const onTicket = async (ticket: FaceTicketIssued) => {
    const result = await linkEnterprises(apiClient, ticket.ticket)
    setLinked({ person: ticket.person, result })
    await useEnterpriseContext.getState().load()
  }

  if (!linked) {
    return (
      <View>
        <View className='card'>
          <View className='title'>刷脸办事</View>
          <View className='muted'>
            核验本人身份后，政企通会关联您担任法定代表人的企业，之后即可领取电子印章、办理业务。
          </View>
        </View>
        <FaceVerifyPanel purpose='login' onTicket={onTicket} />
      </View>
    )
  }
  const { person, result } = linked
  return (
    <View className='card' ariaRole='status'>
      <View className='title'>刷脸认证通过</View>
      <View className='muted'>
        {person.nameMasked}（{person.idNumberMasked}）
      </View>
      {result.enterprises.length === 0 ? (
        <View>未查到您担任法定代表人的企业。如为经办人，请让法定代表人在「电子印章」中为您授权。</View>
      ) : (
        <View>
          <View>
            {result.newlyLinked > 0 ? `已新关联 ${result.newlyLinked} 家企业：` : '您担任法定代表人的企业均已关联：'}
          </View>
          {result.enterprises.map((e) => (
            <View key={e.id} className='muted'>
              {e.name}
            </View>
          ))}
        </View>
      )}
      <ActionButton label='完成' onClick={props.onDone} />
    </View>
  )
}
