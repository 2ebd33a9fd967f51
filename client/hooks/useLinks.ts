import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { observeLinks, readLinks, type Link } from '../../shared/collab/links.ts'

/** The document's confirmed, rejected and local links, updated the moment anyone decides one. */
export function useLinks(ydoc: Y.Doc): Link[] {
  const [links, setLinks] = useState(() => readLinks(ydoc))
  useEffect(() => {
    setLinks(readLinks(ydoc))
    return observeLinks(ydoc, setLinks)
  }, [ydoc])
  return links
}
