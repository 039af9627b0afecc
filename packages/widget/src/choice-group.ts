/** A labelled radio group (native radios: arrow keys and labels for free). */
import { html, type TemplateResult } from "lit";

export function renderChoiceGroup<T extends string>(
  name: string,
  legend: string,
  options: readonly { readonly value: T; readonly label: string }[],
  selected: T,
  onChange: (value: T) => void,
  disabled = false,
): TemplateResult {
  return html`<fieldset part="choice-group" ?disabled=${disabled}>
    <legend>${legend}</legend>
    <div class="choices">
      ${options.map(
        (o) => html`<label class="choice" part="choice">
          <input
            type="radio"
            name=${name}
            .value=${o.value}
            .checked=${o.value === selected}
            @change=${() => onChange(o.value)}
          />${o.label}
        </label>`,
      )}
    </div>
  </fieldset>`;
}
