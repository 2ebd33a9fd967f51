// Every side panel tab, registered once. Add a line here to plug in a new panel.
import { DocumentInfoPanel } from './DocumentInfoPanel.tsx'
import { registerSidePanelTab } from './sidePanelRegistry.ts'
import { VersionsPanel } from './VersionsPanel.tsx'

registerSidePanelTab({ id: 'versions', title: '版本', order: 10, Component: VersionsPanel })
registerSidePanelTab({ id: 'info', title: '文档信息', order: 90, Component: DocumentInfoPanel })
