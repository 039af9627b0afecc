import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { Chain, type ChainOptions, type TxRecord } from "./chain.ts";
import type { GenesisInfo } from "./genesis.ts";
import { decodeState, deepFreeze, encodeState } from "./runtime/clone.ts";
import type { Address } from "./runtime/port.ts";

interface Snapshot {
  format: 1;
  chainId: number;
  clock: "manual" | "wall";
  wallOffsetUs: bigint;
  internalNonce: bigint;
  nextHandle: bigint;
  resources: [Address, [string, unknown][]][];
  tables: [string, [string, unknown][]][];
  txs: TxRecord[];
  genesis: GenesisInfo;
}

/** Write the whole chain atomically: a temporary file, then rename over the old one. */
export function saveState(path: string, chain: Chain, genesis: GenesisInfo): void {
  const snap: Snapshot = {
    format: 1,
    chainId: chain.chainId,
    clock: chain.clock,
    wallOffsetUs: chain.wallOffsetUs,
    internalNonce: chain.internalNonce,
    nextHandle: chain.state.nextHandle,
    resources: [...chain.state.resources].map(([a, m]) => [a, [...m]]),
    tables: [...chain.state.tables].map(([h, m]) => [h, [...m]]),
    txs: chain.txs,
    genesis,
  };
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, encodeState(snap));
  renameSync(tmp, path);
}

/** Restore a chain saved by `saveState`, or undefined if the file does not exist. */
export function loadState(
  path: string,
  opts: ChainOptions,
): { chain: Chain; genesis: GenesisInfo } | undefined {
  if (!existsSync(path)) return undefined;
  const snap = decodeState<Snapshot>(readFileSync(path, "utf8"));
  if (snap.format !== 1) throw new Error(`kofi-localnet: unsupported state file format in ${path}`);
  const chain = new Chain({ ...opts, chainId: snap.chainId, clock: snap.clock });
  chain.state = {
    resources: new Map(snap.resources.map(([a, l]) => [a, new Map(l.map(([t, v]) => [t, deepFreeze(v)]))])),
    tables: new Map(snap.tables.map(([h, l]) => [h, new Map(l.map(([k, v]) => [k, deepFreeze(v)]))])),
    nextHandle: snap.nextHandle,
  };
  chain.txs.length = 0;
  chain.byHash.clear();
  chain.byAccount.clear();
  for (const r of snap.txs) {
    chain.txs.push(r);
    chain.byHash.set(r.hash, r);
    const l = chain.byAccount.get(r.sender) ?? [];
    l.push(r);
    chain.byAccount.set(r.sender, l);
  }
  chain.wallOffsetUs = snap.wallOffsetUs;
  chain.internalNonce = snap.internalNonce;
  return { chain, genesis: snap.genesis };
}
