/**
 * ExcelJS, loaded on the first .xlsx download: it is the heaviest module the server uses (about a
 * third of a second to load) and most processes never write a spreadsheet, so loading it with the
 * server slowed every start — and a cluster's failover waits for a process to start.
 */
export async function loadExcel(): Promise<typeof import('exceljs')> {
  const module = await import('exceljs')
  // exceljs is CommonJS: Node gives its exports as the default export.
  return (module as { default?: typeof import('exceljs') }).default ?? module
}
