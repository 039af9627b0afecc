/** The DEV ONLY wallet as one ESM file for script-tag pages (examples/html-cdn, examples/ssr). */
export { createDevWallet, DEV_WALLET_NAME, registerDevWallet } from "../demo/dev-wallet.ts";
