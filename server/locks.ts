// Runs tasks for one key (a customer) one at a time, in arrival order. Reading a balance and
// writing it back spans several awaits; without this two redemptions could both spend the
// same points.
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await result;
    } finally {
      // Forget the key once nothing else queued behind this task.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
