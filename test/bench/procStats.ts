import { readFileSync } from 'node:fs'

/** CPU seconds (user + system, all threads) a process has used: a figure a shared, noisy machine disturbs less than latency. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  // utime and stime are fields 14 and 15 of stat (11 and 12 after the name), in clock ticks of 1/100 s.
  return (Number(fields[11]) + Number(fields[12])) / 100
}
