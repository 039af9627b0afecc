/**
 * The environments the interpreter runs Kofi's Move in: one transaction of the localnet (`moveEnvForTx`), or
 * the world of one Move unit test (`createMoveTestWorld`): an empty state, as in Aptos's unit-test VM (no
 * genesis; the test's own setup calls `initialize_for_test_custom`, `block::initialize_for_test` ...).
 */

import { emptyState, Journal } from "../../runtime/storage.ts";
import type { EventRecord, TxContext } from "../context.ts";
import type { MoveHost } from "./host.ts";
import { frameworkNatives } from "./index.ts";
import type { MoveStorage, NativeTable, StructValue } from "./move.ts";

/** What the interpreter's run needs from its embedder. */
export interface MoveEnv {
  readonly host: MoveHost;
  readonly storage: MoveStorage;
  emit(type: string, data: StructValue): void;
}

/** The environment of one localnet transaction: storage is its journal, events go to its event list. */
export function moveEnvForTx(tx: TxContext): MoveEnv {
  return {
    host: { tx },
    storage: tx.journal,
    emit: (type, data) => tx.events.push({ type, data }),
  };
}

export interface MoveTestWorld {
  readonly env: MoveEnv;
  /** Every event of the test, framework events (model form) and module events, in order. */
  readonly events: EventRecord[];
  readonly natives: NativeTable<MoveHost>;
  /** The transaction context the natives run in (for assertions in TypeScript tests). */
  readonly tx: TxContext;
}

/**
 * A fresh world for one Move unit test. The transaction hash is fixed (32 zero bytes) so object addresses from
 * `create_object` are the same on every run.
 */
export function createMoveTestWorld(): MoveTestWorld {
  const events: EventRecord[] = [];
  const tx: TxContext = {
    journal: new Journal(emptyState()),
    events,
    txHash: new Uint8Array(32),
    auidCounter: 0n,
  };
  return { env: moveEnvForTx(tx), events, natives: frameworkNatives(), tx };
}
