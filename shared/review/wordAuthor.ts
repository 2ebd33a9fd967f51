/**
 * How a suggestion or comment imported from a returned Word file names its author: the name in the
 * file, marked as from Word, and who imported it — 张三（基教科）（Word，李四导入）. Without a name
 * in the file, only the importer: Word 修订（李四导入）.
 */
export function wordAuthorLabel(wordAuthor: string, importer: string): string {
  const name = wordAuthor.trim()
  return name ? `${name}（Word，${importer}导入）` : `Word 修订（${importer}导入）`
}

/** The author shown for a stamp or message: the Word label when it came from a returned file, else the account's name. */
export function shownAuthor(record: { author: { name: string }; wordAuthor?: string }): string {
  return record.wordAuthor === undefined ? record.author.name : wordAuthorLabel(record.wordAuthor, record.author.name)
}
