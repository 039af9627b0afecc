/** The fullnode's error JSON: `{ message, error_code, vm_error_code }` with an HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly vmErrorCode: number | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
  toJSON() {
    return { message: this.message, error_code: this.errorCode, vm_error_code: this.vmErrorCode };
  }
}

export const invalidInput = (msg: string, vmErrorCode: number | null = null) =>
  new ApiError(400, "invalid_input", msg, vmErrorCode);

/** A transaction rejected by validation (prologue): `Invalid transaction: Type: Validation Code: X`. */
export function vmValidation(status: string, code: number, detail?: string): ApiError {
  return new ApiError(
    400,
    "vm_error",
    `Invalid transaction: Type: Validation Code: ${status}${detail ? ` Message: ${detail}` : ""}`,
    code,
  );
}

/** A transaction rejected before execution because its payload does not verify/link. */
export function vmVerification(status: string, code: number, detail?: string): ApiError {
  return new ApiError(
    400,
    "vm_error",
    `Invalid transaction: Type: Verification Code: ${status}${detail ? ` Message: ${detail}` : ""}`,
    code,
  );
}

/** VM status codes used by the localnet (move-core-types `StatusCode`). */
export const VM = {
  INVALID_SIGNATURE: 1,
  INVALID_AUTH_KEY: 2,
  SEQUENCE_NUMBER_TOO_OLD: 3,
  SEQUENCE_NUMBER_TOO_NEW: 4,
  INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE: 5,
  TRANSACTION_EXPIRED: 6,
  SENDING_ACCOUNT_DOES_NOT_EXIST: 7,
  MAX_GAS_UNITS_EXCEEDS_MAX_GAS_UNITS_BOUND: 13,
  MAX_GAS_UNITS_BELOW_MIN_TRANSACTION_GAS_UNITS: 14,
  GAS_UNIT_PRICE_BELOW_MIN_BOUND: 15,
  GAS_UNIT_PRICE_ABOVE_MAX_BOUND: 16,
  BAD_CHAIN_ID: 23,
  FEATURE_UNDER_GATING: 26,
  SECONDARY_KEYS_ADDRESSES_COUNT_MISMATCH: 27,
  SIGNERS_CONTAIN_DUPLICATES: 28,
  NUMBER_OF_TYPE_ARGUMENTS_MISMATCH: 1076,
  LINKER_ERROR: 1081,
  FUNCTION_RESOLUTION_FAILURE: 1091,
  NUMBER_OF_ARGUMENTS_MISMATCH: 1098,
  FAILED_TO_DESERIALIZE_ARGUMENT: 1100,
  NUMBER_OF_SIGNER_ARGUMENTS_MISMATCH: 1101,
  EXECUTE_ENTRY_FUNCTION_CALLED_ON_NON_ENTRY_FUNCTION: 1103,
  ABORTED: 4016,
  ARITHMETIC_ERROR: 4017,
} as const;
