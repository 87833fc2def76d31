// Remembers the student numbers of one export, to find a student listed twice, in little memory:
// a 53-bit hash and a line number per student (12 bytes a slot, 16–32 per student) instead of the
// string itself.
// Two different numbers share a hash with a chance of about n²/2⁵⁴ (≈ 1 in 18,000 for a
// million-row export); the price of such a collision is one needless duplicate warning.

/** cyrb53 (public domain, bryc): a fast 53-bit string hash with good spread; never 0. */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // 0 marks an empty slot, so the key is never 0.
  return 4294967296 * (2097151 & h2) + (h1 >>> 0) || 1;
}

const INITIAL_CAPACITY = 1024;
/** Per slot: the key's low 32 bits, its high 21 bits, the line. 0/0 marks an empty slot. */
const WORDS = 3;

/**
 * Open addressing with linear probing; a slot's words side by side, so a probe touches one cache line.
 * The home slot is the key's low 32 bits scaled to the capacity, so any capacity works: reserve()
 * can size the table to the file instead of the next power of two.
 */
export class SeenStudentRefs {
  private slots = new Uint32Array(INITIAL_CAPACITY * WORDS);
  private capacity = INITIAL_CAPACITY;
  private count = 0;

  /**
   * Makes room for `count` student numbers at once. Growing step by step holds the old table beside
   * the new one (1.5 times the new size) at the last step, and doubling may leave it half empty.
   */
  reserve(count: number): void {
    const capacity = Math.ceil((count * 4) / 3) + 1;
    if (capacity > this.capacity) this.rehash(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Records `ref` on `line`; returns the line it was first seen on, or 0 when it is new. */
  add(ref: string, line: number): number {
    return this.addKey(hash53(ref), line);
  }

  /** add() for a ref whose hash53() is known (worker threads hash the refs of their rows). */
  addKey(key: number, line: number): number {
    const lo = key % 4294967296;
    const hi = (key - lo) / 4294967296;
    const i = this.find(this.slots, this.capacity, lo, hi);
    const slots = this.slots;
    if (slots[i] === lo && slots[i + 1] === hi) return slots[i + 2]!;
    slots[i] = lo;
    slots[i + 1] = hi;
    slots[i + 2] = line;
    this.count += 1;
    if (this.count * 4 > this.capacity * 3) this.grow();
    return 0;
  }

  /** The index of the key's slot, or of the empty slot where it belongs. */
  private find(slots: Uint32Array, capacity: number, lo: number, hi: number): number {
    let i = Math.floor((lo / 4294967296) * capacity);
    for (;;) {
      const at = i * WORDS;
      const l = slots[at]!;
      const h = slots[at + 1]!;
      if ((l === 0 && h === 0) || (l === lo && h === hi)) return at;
      if (++i === capacity) i = 0;
    }
  }

  private grow(): void {
    this.rehash(this.capacity * 2);
  }

  private rehash(capacity: number): void {
    const old = this.slots;
    const slots = new Uint32Array(capacity * WORDS);
    for (let j = 0; j < old.length; j += WORDS) {
      const lo = old[j]!;
      const hi = old[j + 1]!;
      if (lo === 0 && hi === 0) continue;
      const i = this.find(slots, capacity, lo, hi);
      slots[i] = lo;
      slots[i + 1] = hi;
      slots[i + 2] = old[j + 2]!;
    }
    this.slots = slots;
    this.capacity = capacity;
  }
}
