/**
 * The one-to-one assignment of rows to columns with the greatest total weight (Hungarian method,
 * Jonker-Volgenant style shortest augmenting paths, O(n²m)). `weight[r][c]` ≥ 0; pairs of weight 0
 * are never returned. Returns, for each row, its column or -1.
 */
export function maxWeightAssignment(weight: number[][]): number[] {
  const rows = weight.length
  const cols = rows ? weight[0].length : 0
  if (!rows || !cols) return new Array<number>(rows).fill(-1)
  // Work on a square cost matrix (minimising cost = max - weight) so every row gets a column.
  const n = Math.max(rows, cols)
  let max = 0
  for (const row of weight) for (const w of row) if (w > max) max = w
  const cost = (r: number, c: number): number => (r < rows && c < cols ? max - weight[r][c] : max)
  const u = new Float64Array(n + 1)
  const v = new Float64Array(n + 1)
  const p = new Int32Array(n + 1) // p[c] = row assigned to column c (1-based), 0 = none
  const way = new Int32Array(n + 1)
  for (let i = 1; i <= n; i++) {
    p[0] = i
    let j0 = 0
    const minv = new Float64Array(n + 1).fill(Infinity)
    const used = new Uint8Array(n + 1)
    do {
      used[j0] = 1
      const i0 = p[j0]
      let delta = Infinity
      let j1 = 0
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue
        const cur = cost(i0 - 1, j - 1) - u[i0] - v[j]
        if (cur < minv[j]) {
          minv[j] = cur
          way[j] = j0
        }
        if (minv[j] < delta) {
          delta = minv[j]
          j1 = j
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]] += delta
          v[j] -= delta
        } else minv[j] -= delta
      }
      j0 = j1
    } while (p[j0] !== 0)
    do {
      const j1 = way[j0]
      p[j0] = p[j1]
      j0 = j1
    } while (j0)
  }
  const result = new Array<number>(rows).fill(-1)
  for (let j = 1; j <= n; j++) {
    const r = p[j] - 1
    const c = j - 1
    if (r < rows && c < cols && weight[r][c] > 0) result[r] = c
  }
  return result
}
