/** A file size as the import dialog shows it: bytes under 1 KB (an empty file is "0 字节", not "1 KB"), then KB, then MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
