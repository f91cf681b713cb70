/**
 * A cache of parsed expressions, bounded for long-running processes (`build --watch`, the fuzz test)
 * that see ever new expressions, without forgetting a build's working set: entries live in two
 * generations; a hit in the old one moves it to the new one, and when the new one is full the old
 * one is dropped. Everything used since the last turnover stays, so a build whose distinct
 * expressions fit in `bound` parses each once, however many passes the checks, lints and evaluator
 * make over them; at most twice `bound` entries are held.
 */
export class BoundedCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly bound: number) {}

  get(key: K): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.bound) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
