import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inCi, onPath, requireTool, toolsMissing } from './tools.ts'

// A PATH with one fake executable "soffice" and nothing else.
const bin = mkdtempSync(join(tmpdir(), 'plan-tools-'))
writeFileSync(join(bin, 'soffice'), '#!/bin/sh\n')
chmodSync(join(bin, 'soffice'), 0o755)
writeFileSync(join(bin, 'pdftotext'), 'not executable')
const PATH = bin

describe('tools for tests', () => {
  it('finds executables on PATH only', () => {
    expect(onPath('soffice', { PATH })).toBe(join(bin, 'soffice'))
    expect(onPath('pdftotext', { PATH })).toBeUndefined()
    expect(onPath('chromium', { PATH })).toBeUndefined()
  })

  it('runs the tests when every program is there, in CI or not', () => {
    expect(toolsMissing(['soffice'], 'apt-get install -y libreoffice-writer-nogui', 'render checks', { PATH })).toBeUndefined()
    expect(toolsMissing(['soffice'], 'apt-get install -y libreoffice-writer-nogui', 'render checks', { PATH, CI: 'true' })).toBeUndefined()
  })

  it('skips with the reason and the install command outside CI when a program is missing', () => {
    expect(toolsMissing(['soffice', 'pdftotext'], 'apt-get install -y poppler-utils', 'render checks', { PATH })).toBe('render checks: pdftotext not installed (apt-get install -y poppler-utils); skipped')
  })

  it('throws under CI=true when a program is missing, so CI fails instead of skipping', () => {
    expect(() => toolsMissing(['soffice', 'pdftotext'], 'apt-get install -y poppler-utils', 'render checks', { PATH, CI: 'true' })).toThrow(
      /pdftotext not installed \(apt-get install -y poppler-utils\); CI=true, so this fails/,
    )
    expect(() => toolsMissing(['soffice'], 'x', 'y', { PATH: '', CI: '1' })).toThrow(/soffice not installed/)
  })

  it('reads CI as set unless empty, 0 or false', () => {
    expect([undefined, '', '0', 'false', 'FALSE'].map((CI) => inCi({ CI }))).toEqual([false, false, false, false, false])
    expect(['true', '1', 'yes'].map((CI) => inCi({ CI }))).toEqual([true, true, true])
  })

  it('requires a program tests cannot skip (Chromium) with its install command, in CI or not', () => {
    expect(requireTool('soffice', 'x', { PATH })).toBe(join(bin, 'soffice'))
    expect(() => requireTool('chromium', 'apt-get install -y chromium', { PATH })).toThrow('chromium is not installed (apt-get install -y chromium)')
  })
})
