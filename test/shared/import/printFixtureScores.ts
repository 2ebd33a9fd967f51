// Prints, for each real-document fixture, whether it imports exactly as its expected outline says.
// Run: npx tsx test/shared/import/printFixtureScores.ts [--verbose]
import { fixtureNames, scoreFixture } from './fixtureScore.ts'

const verbose = process.argv.includes('--verbose')
const scores = fixtureNames().map(scoreFixture)
const width = Math.max(...scores.map((s) => s.name.length))
console.log(`${'fixture'.padEnd(width)}  result   problems`)
for (const s of scores) {
  console.log(`${s.name.padEnd(width)}  ${s.problems.length ? 'wrong  ' : 'exact  '}  ${s.problems.length}`)
  if (verbose) for (const p of s.problems) console.log(`    ${p}`)
}
const exact = scores.filter((s) => !s.problems.length).length
console.log(`exactly right: ${exact} of ${scores.length}`)
