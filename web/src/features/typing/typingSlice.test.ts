import { describe, expect, it } from 'vitest'
import {
  TYPING_SHOWN_MS,
  typingNames,
  typingReceived,
  typingSentence,
  typingSlice,
} from './typingSlice'

describe('typing', () => {
  const state = [
    typingReceived({ roomId: 'r1', userId: 'u-bob', displayName: 'Bob', at: 1000 }),
    typingReceived({ roomId: 'r1', userId: 'u-ann', displayName: 'Ann', at: 1000 }),
    typingReceived({ roomId: 'r1', userId: 'u-cat', displayName: 'Cat', at: 5000 }),
  ].reduce(typingSlice.reducer, typingSlice.getInitialState())

  it('lists who is typing, leaving out the signed-in user', () => {
    expect(typingNames(state, 'r1', 2000, 'u-ann')).toEqual(['Bob', 'Cat'])
  })

  it('drops people who stopped typing a while ago', () => {
    expect(typingNames(state, 'r1', 1000 + TYPING_SHOWN_MS, 'u-ann')).toEqual(['Cat'])
  })

  it('says it in a sentence', () => {
    expect(typingSentence([])).toBe('')
    expect(typingSentence(['Bob'])).toBe('Bob is typing…')
    expect(typingSentence(['Bob', 'Cat'])).toBe('Bob and Cat are typing…')
    expect(typingSentence(['Bob', 'Cat', 'Dan'])).toBe('Several people are typing…')
  })
})
