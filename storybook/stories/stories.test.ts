/**
 * Renders every story and runs its play function in happy-dom, so the stories stay in sync with the element
 * even where no browser is available. In Chromium (Storybook's test runner) they also get axe checks.
 */
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

describe("stories", () => {
  for (const [name, story] of Object.entries(named)) {
    it(`${name} renders and reaches its state`, async () => {
      const canvasElement = document.createElement("div");
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
      // Error stories show an error with its code in text; the others show none.
      const error = el?.shadowRoot?.querySelector("[part~=error]");
      if (name.startsWith("Error") || name === "WrongNetwork")
        expect(error?.textContent).toMatch(/Code: \w+/);
      else expect(error).toBeNull();
    });
  }
});
