import type { ReactNode } from 'react'
import { ActionDialog } from './Dialog.tsx'

/** Asks before an action that changes shared work (restore, archive); shows the action's error in place. */
export function ConfirmDialog(props: { title: string; children: ReactNode; confirmLabel: string; danger?: boolean; onConfirm: () => Promise<void>; onClose: () => void }) {
  return <ActionDialog {...props} />
}
