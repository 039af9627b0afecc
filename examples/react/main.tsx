/**
 * React 19: `<kofi-stake>` as JSX. React 19 sets `wallet` as a property (the element declares it) and
 * listens to `kofi-tx` through `onkofi-tx`. Typings for the tag: `@kofi/widget/react` (see ./jsx.d.ts).
 */
import "@kofi/widget";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { CONFIG_PATH, type DemoConfig } from "../demo/config.ts";
import { createDevWallet, type DevWallet } from "../demo/dev-wallet.ts";

function App({ config, wallet }: { config: DemoConfig; wallet: DevWallet }) {
  const [lastStage, setLastStage] = useState("none yet");
  return (
    <main>
      <h1>React 19</h1>
      <kofi-stake
        network="local"
        node-url={config.nodeUrl}
        kofi-address={config.kofiAddress}
        default-tab="position"
        wallet={wallet}
        onkofi-tx={(e) => setLastStage(e.detail.stage)}
      />
      <p id="last-stage">Last transaction stage: {lastStage}</p>
    </main>
  );
}

const config = (await (await fetch(CONFIG_PATH)).json()) as DemoConfig;
const wallet = createDevWallet({
  privateKey: config.devPrivateKey,
  nodeUrl: config.nodeUrl,
  onRequest: async () => true, // DEV ONLY: approves everything
});
await wallet.features["aptos:connect"].connect();
createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <App config={config} wallet={wallet} />
  </StrictMode>,
);
document.body.dataset.ready = "true";
