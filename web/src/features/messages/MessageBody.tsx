import type { ReactNode } from 'react'

const LINK = /\bhttps?:\/\/[^\s<>"]+/gi
// Punctuation that usually ends the sentence around a link rather than the link itself.
const TRAILING = /[.,;:!?)\]}'"]+$/

export interface TextPart {
  text: string
  href?: string
}

/** Splits a message into plain text and http(s) links; nothing in it is ever parsed as HTML. */
export function splitLinks(body: string): TextPart[] {
  const parts: TextPart[] = []
  let from = 0
  for (const match of body.matchAll(LINK)) {
    const href = match[0].replace(TRAILING, '')
    const start = match.index
    if (start > from) {
      parts.push({ text: body.slice(from, start) })
    }
    parts.push({ text: href, href })
    from = start + href.length
  }
  if (from < body.length) {
    parts.push({ text: body.slice(from) })
  }
  return parts
}

export function MessageBody({ body }: { body: string }) {
  const nodes: ReactNode[] = splitLinks(body).map((part, index) =>
    part.href === undefined ? (
      part.text
    ) : (
      <a key={index} href={part.href} target="_blank" rel="noopener noreferrer nofollow">
        {part.text}
      </a>
    ),
  )
  return <p className="message-body">{nodes}</p>
}
