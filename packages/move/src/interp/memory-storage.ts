/**
 * A plain in-memory `MoveStorage` and `MoveEnv`: for tests, benchmarks and embedders without a journal.
 * `borrowMut` hands out the stored object itself (changes are immediate; nothing is rolled back on failure).
 */
import type { MoveEnv } from "./frame.ts";
import type { MoveStorage } from "./natives.ts";
import type { StructValue } from "./values.ts";

export class MemoryStorage implements MoveStorage {
  readonly resources = new Map<string, unknown>();
  private key(addr: string, type: string): string {
    return `${addr}/${type}`;
  }
  exists(addr: string, type: string): boolean {
    return this.resources.has(this.key(addr, type));
  }
  borrow<T>(addr: string, type: string): Readonly<T> {
    return this.borrowMut<T>(addr, type);
  }
  borrowMut<T>(addr: string, type: string): T {
    const k = this.key(addr, type);
    if (!this.resources.has(k)) throw new Error(`no ${type} at ${addr}`);
    return this.resources.get(k) as T;
  }
  moveTo<T>(addr: string, type: string, value: T): void {
    this.resources.set(this.key(addr, type), value);
  }
  moveFrom<T>(addr: string, type: string): T {
    const v = this.borrowMut<T>(addr, type);
    this.resources.delete(this.key(addr, type));
    return v;
  }
}

/** An environment over a `MemoryStorage` that records emitted events in order. */
export function memoryEnv<H = undefined>(
  host: H = undefined as H,
): MoveEnv<H> & { storage: MemoryStorage; events: { type: string; data: StructValue }[] } {
  const events: { type: string; data: StructValue }[] = [];
  return { host, storage: new MemoryStorage(), events, emit: (type, data) => events.push({ type, data }) };
}
