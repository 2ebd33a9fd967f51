import { finalRefusal, unassignedItems, type UnassignedItem } from '../../shared/breakdown/finalGate.ts'
import { AppError } from '../AppError.ts'
import type { Rooms } from '../collab/Rooms.ts'
import type { Storage } from '../storage/Storage.ts'
import { currentState } from './currentState.ts'
import { planOfState } from './planState.ts'

/** 定稿 refused (409 breakdown-incomplete): the sentence naming the first items, and every item to fix. */
export class BreakdownIncomplete extends AppError {
  constructor(
    message: string,
    readonly items: UnassignedItem[],
  ) {
    super('breakdown-incomplete', message, 409)
  }
}

/**
 * Refuses 定稿 (BreakdownIncomplete) while items of the live document lack 牵头科室 or 完成时限.
 * An owner may override with a reason, which the status history records; an override without a
 * reason is refused (400). Returns whether the move goes ahead by override (false when nothing was
 * missing, so that the history does not call a plain 定稿 forced).
 */
export async function assertBreakdownComplete(services: { storage: Storage; rooms: Rooms }, docId: string, request: { override?: boolean; reason?: string }): Promise<boolean> {
  if (request.override && !request.reason?.trim()) throw new AppError('breakdown-incomplete', '强制定稿需要填写原因', 400)
  const { state } = await currentState(services.storage, services.rooms, docId)
  const items = unassignedItems(planOfState(state))
  const message = finalRefusal(items)
  if (!message) return false
  if (request.override) return true
  throw new BreakdownIncomplete(message, items)
}
