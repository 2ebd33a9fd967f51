import { Icon } from './Icon.tsx'

/** 打印: the browser's print (or 另存为 PDF) of the paper alone, in the official layout of print.css. */
export function PrintButton({ look = 'tool' }: { look?: 'tool' | 'button' }) {
  return (
    <button
      type="button"
      className={look === 'tool' ? 'tool-button' : 'button'}
      title="打印或另存为 PDF（A4 公文版式，带页码）"
      data-testid="print"
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => window.print()}
    >
      <Icon name="print" />
      <span>打印</span>
    </button>
  )
}
