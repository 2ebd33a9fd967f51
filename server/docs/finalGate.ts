import { finalRefusal, unassignedItems } from '../../shared/breakdown/finalGate.ts'
import { AppError } from '../AppError.ts'
import type { Rooms } from '../collab/Rooms.ts'
import type { Storage } from '../storage/Storage.ts'
import { currentState } from './currentState.ts'
import { planOfState } from './planState.ts'

/**
 * Refuses 定稿 (409 breakdown-incomplete, naming the first items) while items lack 牵头科室 or
 * 完成时限, read from the live document. An owner may override with a reason, which the status
 * history records; an override without a reason is refused (400).
 */
export async function assertBreakdownComplete(services: { storage: Storage; rooms: Rooms }, docId: string, override: { override?: boolean; reason?: string }): Promise<void> {
  if (override.override) {
    if (!override.reason?.trim()) throw new AppError('breakdown-incomplete', '强制定稿需要填写原因', 400)
    return
  }
  const { state } = await currentState(services.storage, services.rooms, docId)
  const message = finalRefusal(unassignedItems(planOfState(state)))
  if (message) throw new AppError('breakdown-incomplete', message, 409)
}
