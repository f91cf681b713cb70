/**
 * A string-keyed memo that remembers what the last two rounds used: one round is one build of the
 * documents, so `build --watch` and `--all-envs` send to remark only the spec prose that changed, and
 * a long-running process never holds more than two builds' worth. Values must be pure functions of
 * their keys.
 */
export class RoundMemo<V> {
  private older = new Map<string, V>();
  private newer = new Map<string, V>();

  get(key: string, make: () => V): V {
    let value = this.newer.get(key);
    if (value !== undefined) return value;
    value = this.older.get(key) ?? make();
    this.newer.set(key, value);
    return value;
  }

  /** Starts a round: entries the previous round did not use are forgotten. */
  nextRound(): void {
    if (this.newer.size === 0) return;
    this.older = this.newer;
    this.newer = new Map();
  }
}
