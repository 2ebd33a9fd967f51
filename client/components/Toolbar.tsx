import type { Editor } from '@tiptap/core'
import type { ReactNode } from 'react'
import { PLAN_SHORTCUTS } from '../../shared/editor/extensions/PlanKeymap.ts'
import { useIdleEditorState } from '../hooks/useIdleEditorState.ts'
import { useToolbarOverflow } from '../hooks/useToolbarOverflow.ts'
import { MoreMenu } from './MoreMenu.tsx'
import { MoveToSectionMenu } from './MoveToSectionMenu.tsx'
import { ToolButton } from './ToolButton.tsx'

/**
 * The structure toolbar: insert, move, split, merge and delete items and sections, undo and redo
 * (own changes only), then the page's own `tools` (查找, 打印). Groups that do not fit the window's
 * width go, last first, into a 更多 menu; `right` always stays on the bar.
 */
export function Toolbar({ editor, editable, tools, right }: { editor: Editor; editable: boolean; tools?: ReactNode; right?: ReactNode }) {
  // Checked after each burst of transactions, not inside every one (useIdleEditorState says why).
  const can = useIdleEditorState(editor, (e) => ({
    item: e.can().insertPlanItem(),
    section: e.can().insertPlanSection(),
    up: e.can().movePlanItemUp(),
    down: e.can().movePlanItemDown(),
    inItem: e.can().deletePlanItem(),
    split: e.can().splitPlanItem(),
    merge: e.can().mergePlanItemWithNext(),
    undo: e.can().undo(),
    redo: e.can().redo(),
  }))
  const run = (command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => () => {
    command(editor.chain().focus()).run()
  }
  const off = !editable
  const groups: ReactNode[] = [
    <>
      <ToolButton icon="addItem" label="新增条目" tip="在当前条目后新增一条" shortcut={PLAN_SHORTCUTS.insertPlanItem} disabled={off || !can.item} onRun={run((c) => c.insertPlanItem())} testId="insert-item" />
      <ToolButton
        icon="addSection"
        label="新增部分"
        tip="在当前部分后新增一个部分"
        shortcut={PLAN_SHORTCUTS.insertPlanSection}
        disabled={off || !can.section}
        onRun={run((c) => c.insertPlanSection())}
        testId="insert-section"
      />
    </>,
    <>
      <ToolButton icon="up" label="上移" tip="把条目上移一位，可移入上一部分" shortcut={PLAN_SHORTCUTS.movePlanItemUp} disabled={off || !can.up} onRun={run((c) => c.movePlanItemUp())} testId="move-up" />
      <ToolButton
        icon="down"
        label="下移"
        tip="把条目下移一位，可移入下一部分"
        shortcut={PLAN_SHORTCUTS.movePlanItemDown}
        disabled={off || !can.down}
        onRun={run((c) => c.movePlanItemDown())}
        testId="move-down"
      />
      <MoveToSectionMenu editor={editor} disabled={off || !can.inItem} />
    </>,
    <>
      <ToolButton icon="split" label="拆分" tip="从光标处把条目拆成两条" shortcut={PLAN_SHORTCUTS.splitPlanItem} disabled={off || !can.split} onRun={run((c) => c.splitPlanItem())} testId="split-item" />
      <ToolButton
        icon="merge"
        label="合并"
        tip="把下一条并入当前条目"
        shortcut={PLAN_SHORTCUTS.mergePlanItemWithNext}
        disabled={off || !can.merge}
        onRun={run((c) => c.mergePlanItemWithNext())}
        testId="merge-item"
      />
      <ToolButton icon="trash" label="删除" tip="删除当前条目" shortcut={PLAN_SHORTCUTS.deletePlanItem} disabled={off || !can.inItem} onRun={run((c) => c.deletePlanItem())} testId="delete-item" />
    </>,
    <>
      <ToolButton icon="undo" label="撤销" tip="撤销我的上一步修改（不影响他人的修改）" shortcut="Mod-z" disabled={off || !can.undo} onRun={run((c) => c.undo())} />
      <ToolButton icon="redo" label="重做" tip="重做我撤销的修改" shortcut="Mod-Shift-z" disabled={off || !can.redo} onRun={run((c) => c.redo())} />
    </>,
  ]
  if (tools) groups.push(tools)
  const { bar, right: rightBox, shown } = useToolbarOverflow(groups.length)
  const group = (g: ReactNode, i: number) => (
    <div key={i} className="tool-group" data-group={i}>
      {g}
    </div>
  )
  return (
    <div className="toolbar" role="toolbar" aria-label="结构编辑" ref={bar}>
      {groups.slice(0, shown).map((g, i) => group(g, i))}
      {shown < groups.length && <MoreMenu>{groups.slice(shown).map((g, i) => group(g, shown + i))}</MoreMenu>}
      <div className="toolbar-right" ref={rightBox}>
        {right}
      </div>
    </div>
  )
}
