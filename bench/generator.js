// A deterministic generator (a linear congruential one), so that every run of a benchmark
// measures the same data.
export const generator = (seed) => {
  let state = seed
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
  return { next, pick: (items) => items[Math.floor(next() * items.length)] }
}
