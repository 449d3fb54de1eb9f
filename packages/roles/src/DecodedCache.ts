/**
 * The most recently used values of a bounded number of keys, for values that are costly to
 * compute and never change for a key. The oldest key is dropped first when full.
 */
export class DecodedCache<A> {
  private readonly entries = new Map<string, A>()

  constructor(private readonly capacity: number) {}

  get(key: string, compute: () => A): A {
    const found = this.entries.get(key)
    if (found !== undefined) {
      // Map keeps insertion order: moving the key to the end keeps the most used last.
      this.entries.delete(key)
      this.entries.set(key, found)
      return found
    }
    const value = compute()
    this.entries.set(key, value)
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string)
    return value
  }
}
