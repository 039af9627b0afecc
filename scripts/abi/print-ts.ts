/**
 * Prints plain data as a TypeScript literal in the layout Biome produces (2-space indent, line width
 * 110, trailing commas, double quotes, unquoted keys), so formatting the output changes nothing.
 */
export type Printable = string | number | bigint | boolean | Raw | readonly Printable[] | PrintableObject;
export interface PrintableObject {
  readonly [key: string]: Printable;
}

/** Source text printed as-is (a reference to another constant). */
export class Raw {
  constructor(readonly text: string) {}
}

const LINE_WIDTH = 110;
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function printKey(key: string): string {
  return IDENT.test(key) ? key : JSON.stringify(key);
}

/**
 * `prefix` is what stands before the value on its first line (for the width check), `suffix` what
 * follows it on its last line (`,` or ` as const;`).
 */
export function printValue(value: Printable, indent: number, prefix: number, suffix: number): string {
  const flat = printFlat(value);
  if (flat !== undefined && indent + prefix + flat.length + suffix <= LINE_WIDTH && !mustBreak(value))
    return flat;
  const pad = " ".repeat(indent + 2);
  const close = " ".repeat(indent);
  if (Array.isArray(value)) {
    const items = (value as readonly Printable[]).map((v) => `${pad}${printValue(v, indent + 2, 0, 1)},`);
    return `[\n${items.join("\n")}\n${close}]`;
  }
  if (isObject(value)) {
    const lines = Object.entries(value).map(([k, v]) => {
      const key = `${printKey(k)}: `;
      const printed = printValue(v, indent + 2, key.length, 1);
      // A string that does not fit moves to the next line, unless the key is short (Biome's rule:
      // key width below indent width + 3).
      const tooLong = indent + 2 + key.length + printed.length + 1 > LINE_WIDTH;
      if (typeof v === "string" && tooLong && printKey(k).length >= 5) {
        return `${pad}${printKey(k)}:\n${pad}  ${printed},`;
      }
      return `${pad}${key}${printed},`;
    });
    return `{\n${lines.join("\n")}\n${close}}`;
  }
  return flat ?? "";
}

function isObject(value: Printable): value is PrintableObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Raw);
}

function printFlat(value: Printable): string | undefined {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) {
    const items = (value as readonly Printable[]).map(printFlat);
    return items.length === 0 ? "[]" : `[${items.join(", ")}]`;
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([k, v]) => `${printKey(k)}: ${printFlat(v)}`).join(", ")} }`;
  }
  return undefined;
}

/**
 * Objects holding objects or arrays of objects are always expanded (our choice; Biome keeps an
 * expanded object expanded). Arrays of two or more objects with several keys each are always
 * expanded (Biome's rule).
 */
function mustBreak(value: Printable): boolean {
  if (Array.isArray(value)) {
    const items = value as readonly Printable[];
    return items.length > 1 && items.every((v) => isObject(v) && Object.keys(v).length > 1);
  }
  if (isObject(value)) {
    return Object.values(value).some(
      (v) => isObject(v) || (Array.isArray(v) && (v as readonly Printable[]).some((x) => isObject(x))),
    );
  }
  return false;
}

/** A string literal as Biome prints it: double quotes, unless the text has more double quotes than single ones. */
function stringLiteral(text: string): string {
  const doubles = (text.match(/"/g) ?? []).length;
  const singles = (text.match(/'/g) ?? []).length;
  if (doubles <= singles) return JSON.stringify(text);
  const inner = JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${inner}'`;
}
