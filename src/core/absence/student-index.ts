// Student number → index in the students file, for millions of lookups in random order. A Map of
// 25,000 strings costs a few cache misses per lookup (bucket, entry, key string); this table keeps
// the numbers in one string and the slots in typed arrays, so a lookup touches two or three places.
export class StudentIndex {
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly mask: number;
  private all = '';
  private readonly starts: number[] = [];
  private count = 0;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
  }

  private static hash(text: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return h | 0;
  }

  private matches(index: number, text: string): boolean {
    const start = this.starts[index]!;
    const end = this.starts[index + 1] ?? this.all.length;
    if (end - start !== text.length) return false;
    for (let i = 0; i < text.length; i++) if (this.all.charCodeAt(start + i) !== text.charCodeAt(i)) return false;
    return true;
  }

  /** Adds a number (not yet in the index) as the next index; returns that index. */
  add(text: string): number {
    const h = StudentIndex.hash(text);
    let slot = h & this.mask;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & this.mask;
    const index = this.count++;
    this.starts.push(this.all.length);
    this.all += text;
    this.slots[slot] = index;
    this.hashes[slot] = h;
    return index;
  }

  /** The index of a number, or -1. Call `seal()` after the last add. */
  get(text: string): number {
    const h = StudentIndex.hash(text);
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const index = this.slots[slot]!;
      if (index < 0) return -1;
      if (this.hashes[slot] === h && this.matches(index, text)) return index;
    }
  }

  /**
   * `get` for a number given as bytes [from, to) of ASCII (the caller checks): the same hash, as a
   * character of ASCII is its byte.
   */
  getBytes(bytes: Uint8Array, from: number, to: number): number {
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    h |= 0;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const index = this.slots[slot]!;
      if (index < 0) return -1;
      if (this.hashes[slot] === h && this.matchesBytes(index, bytes, from, to)) return index;
    }
  }

  private matchesBytes(index: number, bytes: Uint8Array, from: number, to: number): boolean {
    const start = this.starts[index]!;
    const end = this.starts[index + 1] ?? this.all.length;
    if (end - start !== to - from) return false;
    for (let i = 0; i < to - from; i++) if (this.all.charCodeAt(start + i) !== bytes[from + i]) return false;
    return true;
  }

  /** Flattens the text of the numbers once all are in (a string built by += is a rope). */
  seal(): void {
    this.all = this.all.split('').join('');
  }
}
