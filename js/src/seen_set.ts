/**
 * A bounded set of strings, for once-per-session de-duplication: O(1) per
 * call, whatever its size. Two generations of at most `capacity / 2` each:
 * when the young one is full it becomes the old one and the previous old one
 * is dropped, and a name found in the old generation moves to the young one.
 * So what was seen recently is kept, about `capacity` names at most are held,
 * and nothing ever walks the set (deleting the oldest entry of one large
 * `Set` made every insertion walk its deleted slots).
 */
export class SeenSet {
  private young = new Set<string>();
  private old = new Set<string>();
  private readonly half: number;

  constructor(capacity: number) {
    this.half = Math.max(1, Math.floor(capacity / 2));
  }

  /** True when `name` was seen; remembers it either way. */
  checkAndAdd(name: string): boolean {
    if (this.young.has(name)) return true;
    const seen = this.old.delete(name);
    if (this.young.size >= this.half) {
      this.old = this.young;
      this.young = new Set();
    }
    this.young.add(name);
    return seen;
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}
