import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { MessageBody, splitLinks } from './MessageBody'

describe('MessageBody', () => {
  it('shows markup as the text it is, never as HTML', () => {
    const { container } = render(<MessageBody body={'<img src=x onerror=alert(1)> <b>bold</b>'} />)

    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('b')).toBeNull()
    expect(screen.getByText('<img src=x onerror=alert(1)> <b>bold</b>')).toBeInTheDocument()
  })

  it('makes web links clickable, leaving the sentence punctuation out', () => {
    render(<MessageBody body="See https://example.com/a?b=1, then reply." />)

    const link = screen.getByRole('link', { name: 'https://example.com/a?b=1' })
    expect(link).toHaveAttribute('href', 'https://example.com/a?b=1')
    expect(link).toHaveAttribute('rel', expect.stringContaining('noopener') as string)
  })

  it('does not turn other schemes into links', () => {
    expect(splitLinks('javascript:alert(1) and ftp://x')).toEqual([
      { text: 'javascript:alert(1) and ftp://x' },
    ])
  })
})
