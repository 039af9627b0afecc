/** What the demo server tells the page about the running localnet (GET /__kofi/config.json). */
export interface DemoConfig {
  /** Localnet root, e.g. http://127.0.0.1:8080 (admin endpoints and faucet live here). */
  url: string;
  /** Fullnode API, url + "/v1". */
  nodeUrl: string;
  kofiAddress: string;
  /** The funded dev account (DEV ONLY: derived from the public seed). */
  devAddress: string;
  devPrivateKey: string;
}

export const CONFIG_PATH = "/__kofi/config.json";
