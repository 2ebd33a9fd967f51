// Every side panel tab, registered once. Add a line here to plug in a new panel.
import { AlignmentPanel } from './AlignmentPanel.tsx'
import { BreakdownPanel } from './breakdown/BreakdownPanel.tsx'
import { ChecksPanel } from './ChecksPanel.tsx'
import { CommentsPanel } from './comments/CommentsPanel.tsx'
import { CoveragePanel } from './CoveragePanel.tsx'
import { DocumentInfoPanel } from './DocumentInfoPanel.tsx'
import { registerSidePanelTab } from './sidePanelRegistry.ts'
import { SuggestionsPanel } from './suggestions/SuggestionsPanel.tsx'
import { VersionsPanel } from './VersionsPanel.tsx'

registerSidePanelTab({ id: 'versions', title: '版本', order: 10, Component: VersionsPanel })
registerSidePanelTab({ id: 'comments', title: '批注', order: 15, Component: CommentsPanel })
registerSidePanelTab({ id: 'suggestions', title: '修订', order: 16, Component: SuggestionsPanel })
registerSidePanelTab({ id: 'checks', title: '检查', order: 20, Component: ChecksPanel })
registerSidePanelTab({ id: 'breakdown', title: '分解', order: 25, Component: BreakdownPanel })
registerSidePanelTab({ id: 'align', title: '对标', order: 30, Component: AlignmentPanel, visible: (ctx) => Boolean(ctx.document?.municipalId) })
registerSidePanelTab({ id: 'coverage', title: '覆盖', order: 40, Component: CoveragePanel, visible: (ctx) => Boolean(ctx.document?.municipalId) })
registerSidePanelTab({ id: 'info', title: '文档信息', order: 90, Component: DocumentInfoPanel })
