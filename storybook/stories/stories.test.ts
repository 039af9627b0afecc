/**
 * Every story in headless Chromium (vitest browser mode): rendered as Storybook renders it, its play
 * function run to reach its state, then axe-core over the widget (shadow DOM included) must find no
 * violation. Error stories must show their code in text (errors are never colour alone).
 */
import axe from "axe-core";
import { render, type TemplateResult } from "lit";
import { afterEach, describe, expect, it } from "vitest";
import * as stories from "./kofi-stake.stories.ts";

type AnyFn = (...args: unknown[]) => unknown;
interface StoryLike {
  args?: Record<string, unknown>;
  render?: AnyFn;
  play?: AnyFn;
}

const { default: meta, ...named } = stories as unknown as { default: StoryLike } & Record<string, StoryLike>;

afterEach(() => {
  document.body.replaceChildren();
});

/** axe-core, WCAG 2.2 A/AA and best practices; the result as readable lines. */
async function axeViolations(context: Element): Promise<string[]> {
  const result = await axe.run(context, {
    runOnly: {
      type: "tag",
      values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    resultTypes: ["violations"],
  });
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary ?? v.help}`),
  );
}

describe("stories", () => {
  for (const [name, story] of Object.entries(named)) {
    it(`${name}: renders, reaches its state, no axe violation`, async () => {
      const canvasElement = document.createElement("main");
      document.body.append(canvasElement);
      const args = { ...meta.args, ...story.args };
      const ctx = { canvasElement, args };
      const tpl = (story.render ?? meta.render)?.(args, ctx) as TemplateResult;
      render(tpl, canvasElement);
      const el = canvasElement.querySelector("kofi-stake");
      expect(el).not.toBeNull();
      await el?.updateComplete;
      await story.play?.({ canvasElement, args });
      await el?.updateComplete;
      expect(el?.shadowRoot?.querySelector("[part~=base]")).not.toBeNull();
      // Error stories show an error with its code in text (a wallet rejection says it in words, without the code:
      // issue 14); the others show none.
      const error = el?.shadowRoot?.querySelector("[part~=error]");
      if (name === "ErrorUserRejected" || name === "ErrorWalletThrewAString")
        expect(error?.textContent).toMatch(/You rejected/);
      else if (name.startsWith("Error") || name === "WrongNetwork")
        expect(error?.textContent).toMatch(/Code: \w+/);
      else expect(error).toBeNull();
      expect(await axeViolations(canvasElement)).toEqual([]);
    });
  }
});
