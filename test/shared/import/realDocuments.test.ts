import { describe, expect, it } from 'vitest'
import { fixtureNames, scoreFixture } from './fixtureScore.ts'

describe('real-document fixtures import to the outline written for them by hand', () => {
  it('has at least 15 fixtures', () => {
    expect(fixtureNames().length).toBeGreaterThanOrEqual(15)
  })

  it.each(fixtureNames())('%s: title, notice fields, headings, item titles and no site lines', (name) => {
    expect(scoreFixture(name).problems).toEqual([])
  })
})
