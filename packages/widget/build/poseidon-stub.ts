/**
 * Stands in for `poseidon-lite` in the widget's browser builds. The ts-sdk 5.x imports it for Keyless
 * (ZK-login) accounts only, and its constants are ~440 KB gzip, 85 % of the SDK. The widget never derives a
 * Keyless address: a Keyless call throws this error instead. **Keyless accounts are not supported in the
 * widget's builds** (wallets that use Keyless sign in their own code, which is unaffected).
 */
function unsupported(): never {
  throw new Error("Keyless (poseidon) is not supported in the @kofi/widget build.");
}
export const poseidon1 = unsupported;
export const poseidon2 = unsupported;
export const poseidon3 = unsupported;
export const poseidon4 = unsupported;
export const poseidon5 = unsupported;
export const poseidon6 = unsupported;
export const poseidon7 = unsupported;
export const poseidon8 = unsupported;
export const poseidon9 = unsupported;
export const poseidon10 = unsupported;
export const poseidon11 = unsupported;
export const poseidon12 = unsupported;
export const poseidon13 = unsupported;
export const poseidon14 = unsupported;
export const poseidon15 = unsupported;
export const poseidon16 = unsupported;
