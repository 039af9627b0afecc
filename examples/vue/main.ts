/**
 * Vue 3 with render functions (no compiler needed; with SFC templates, set
 * `compilerOptions.isCustomElement: (tag) => tag === "kofi-stake"` and bind `:wallet.prop`).
 * Vue sets `wallet` as a DOM property because the defined element has it, and `onKofi-tx` listens to `kofi-tx`.
 */
import "@kofi/widget";
import { createApp, h, ref } from "vue";
import { CONFIG_PATH, type DemoConfig } from "../demo/config.ts";
import { createDevWallet } from "../demo/dev-wallet.ts";

const config = (await (await fetch(CONFIG_PATH)).json()) as DemoConfig;
const wallet = createDevWallet({
  privateKey: config.devPrivateKey,
  nodeUrl: config.nodeUrl,
  onRequest: async () => true, // DEV ONLY: approves everything
});
await wallet.features["aptos:connect"].connect();

createApp({
  setup() {
    const lastStage = ref("none yet");
    return () =>
      h("main", [
        h("h1", "Vue 3"),
        h("kofi-stake", {
          network: "local",
          "node-url": config.nodeUrl,
          "kofi-address": config.kofiAddress,
          "default-tab": "position",
          ".wallet": wallet,
          "onKofi-tx": (e: CustomEvent<{ stage: string }>) => {
            lastStage.value = e.detail.stage;
          },
        }),
        h("p", { id: "last-stage" }, `Last transaction stage: ${lastStage.value}`),
      ]);
  },
}).mount("#app");
document.body.dataset.ready = "true";
