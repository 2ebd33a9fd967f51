#!/usr/bin/env node
// Entry of `npx plan`: registers tsx so the TypeScript sources run as they are, then hands over.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('./main.ts')
process.exitCode = await main(process.argv.slice(2))
