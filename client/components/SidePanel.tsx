import { useEffect, useState } from 'react'
import { SHOW_SIDE_TAB } from './comments/showSideTab.ts'
import type { SidePanelContext } from './sidePanelRegistry.ts'
import { sidePanelTabs } from './sidePanelRegistry.ts'
import './sidePanels.ts'

/** The right-hand panel: one tab per registered panel; the chosen tab is remembered for the session. */
export function SidePanel({ context, onClose }: { context: SidePanelContext; onClose: () => void }) {
  const tabs = sidePanelTabs().filter((t) => t.visible?.(context) ?? true)
  const [chosen, setChosen] = useState<string>(() => sessionStorage.getItem('plan-studio/side-tab') ?? tabs[0]?.id ?? '')
  const active = tabs.find((t) => t.id === chosen) ?? tabs[0]
  // Another part of the page (批注 after adding one) may ask for a tab.
  useEffect(() => {
    const onShow = (e: Event): void => {
      if (e instanceof CustomEvent && typeof e.detail === 'string') setChosen(e.detail)
    }
    window.addEventListener(SHOW_SIDE_TAB, onShow)
    return () => window.removeEventListener(SHOW_SIDE_TAB, onShow)
  }, [])
  if (!active) return null
  const choose = (id: string): void => {
    setChosen(id)
    sessionStorage.setItem('plan-studio/side-tab', id)
  }
  return (
    <aside className="side-panel" aria-label="侧栏">
      <div className="side-tabs" role="tablist">
        {tabs.map((t) => (
          <button key={t.id} role="tab" aria-selected={t.id === active.id} className={t.id === active.id ? 'active' : ''} onClick={() => choose(t.id)} data-testid={`side-tab-${t.id}`}>
            {t.title}
          </button>
        ))}
        <button className="side-close" onClick={onClose} aria-label="收起侧栏" title="收起侧栏">
          ×
        </button>
      </div>
      <div className="side-body" role="tabpanel">
        <active.Component {...context} />
      </div>
    </aside>
  )
}
