/**
 * Hands a file to the browser as a download under `filename`, through an object URL and a temporary
 * `<a download>`; the URL is released once the browser has taken the file.
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Revoking at once can cancel the download in some browsers; a minute is far more than it needs.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
