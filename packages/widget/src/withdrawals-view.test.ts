import { MAX_CLAIM_BATCH as CORE_MAX_CLAIM_BATCH } from "@kofi/core";
import { describe, expect, it } from "vitest";
import type { Ticket } from "./backend.ts";
import { claimBatch, MAX_CLAIM_BATCH } from "./withdrawals-view.ts";

const ticket = (id: number, ready: boolean, unlockAt = 1_000 + id): Ticket => ({
  id: `0x${id.toString(16)}`,
  aptAmount: BigInt(id) * 100_000_000n,
  kaptBurned: BigInt(id) * 100_000_000n,
  requestedAt: 0,
  unlockAt,
  ready,
});

describe("claimBatch", () => {
  it("takes only ready tickets, oldest unlock first", () => {
    const batch = claimBatch([ticket(3, true, 30), ticket(1, false, 10), ticket(2, true, 20)]);
    expect(batch.map((t) => t.id)).toEqual(["0x2", "0x3"]);
  });
  it("caps the batch at the on-chain limit", () => {
    const many = Array.from({ length: 25 }, (_, i) => ticket(i + 1, true));
    expect(claimBatch(many)).toHaveLength(MAX_CLAIM_BATCH);
    // the chain's withdrawals::MAX_CLAIM_BATCH, as core reads it from the generated ABI
    expect(MAX_CLAIM_BATCH).toBe(CORE_MAX_CLAIM_BATCH);
  });
});
