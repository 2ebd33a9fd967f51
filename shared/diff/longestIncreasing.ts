/**
 * Indexes of a longest strictly increasing subsequence of `values` (patience sorting, O(n log n)).
 * Items of a matched sequence that are not in it are the ones that changed order.
 */
export function longestIncreasing(values: number[]): Set<number> {
  const tails: number[] = [] // tails[k] = index of the smallest tail of an increasing run of length k+1
  const prev = new Array<number>(values.length).fill(-1)
  values.forEach((v, i) => {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (values[tails[mid]] < v) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) prev[i] = tails[lo - 1]
    tails[lo] = i
  })
  const keep = new Set<number>()
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) keep.add(i)
  return keep
}
