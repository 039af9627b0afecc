/**
 * Developer check of `test/fixtures/venue-interfaces.json` against the venues' own published repositories.
 *
 * The fixture is our transcription of the venues' interface files (the project does not copy outside code
 * into the repository), so a copying mistake would pass every contract test. This script re-derives each
 * signature from the cited files themselves and prints every difference:
 *
 * - `.move` interface files are parsed with `@kofi/move`'s parser and their types printed the way the fullnode
 *   ABI prints them (`0x1::object::Object<0x1::fungible_asset::Metadata>`, `&signer`, generic params `T0..`);
 * - SDK ABI files (a TypeScript module exporting a fullnode ABI object literal) are read as data, never run.
 *
 * Every module of every venue is compared function by function (name, parameter types in order, return types,
 * entry/view flags, type-parameter count when the fixture records one), plus the fixture's constants and
 * struct field lists. Functions the fixture marks with their own `source` ("NOT in the interface/ABI") must be
 * absent from the published file: if one appears, it is compared like the others and reported.
 *
 * Usage (a repository is a work tree, or a bare git dir read at the cited commit with `git show`):
 *
 *   npx tsx packages/adapters/scripts/verify-venue-fixtures.ts \
 *     --repo Hyperionxyz/hyperion-interface=<path> --repo ThalaLabs/integrate-thala=<path> \
 *     --repo EchelonMarket/echelon-sdk=<path> --repo PanoraExchange/Panora-Contract-Integration-Example=<path>
 *
 * Exit code 0 when everything matches, 1 on any mismatch, 2 on a usage error.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AccountAddress } from "@aptos-labs/ts-sdk";
import { type FunctionDecl, type ModuleDecl, parseFile, readMoveToml, type TypeExpr } from "@kofi/move";

export interface Sig {
  params: string[];
  return: string[];
  is_entry: boolean;
  is_view: boolean;
  typeParams?: number;
  source?: string;
}
export interface VenueFixture {
  address: string;
  source: string;
  constants?: Record<string, string | string[]>;
  modules: Record<string, Record<string, Sig>>;
  structs?: Record<string, string[]>;
  viewShapes?: { source: string } & Record<string, unknown>;
}

/** `owner/name@commit path, path (note)` -> its parts. */
export function parseCitation(source: string): { repo: string; commit: string; paths: string[] } {
  const m = /^([\w.-]+\/[\w.-]+)@([0-9a-f]{7,40})\s+(.*)$/.exec(source.trim());
  if (!m) throw new Error(`not a citation: ${source}`);
  const paths = (m[3] as string)
    .replace(/\([^)]*\)/g, "")
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  return { repo: m[1] as string, commit: m[2] as string, paths };
}

// ------------------------------------------------------------------------------------------- repositories

/** Files of one repository at one commit: from a bare git dir (`git show`) or a checked-out work tree. */
export interface RepoReader {
  read(path: string): string;
  /** The commit actually read (a work tree's HEAD, or the cited commit resolved in a git dir). */
  commit: string;
}

function openRepo(location: string, citedCommit: string): RepoReader {
  const git = (args: string[], gitDir?: string) =>
    execFileSync("git", gitDir ? [`--git-dir=${gitDir}`, ...args] : ["-C", location, ...args], {
      encoding: "utf8",
      // a missing file (Move.toml looked up the tree) is an expected miss, not noise on the terminal
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
  const bare = existsSync(join(location, "objects")) && existsSync(join(location, "HEAD"));
  if (bare) {
    const commit = git(["rev-parse", `${citedCommit}^{commit}`], location).trim();
    return { commit, read: (p) => git(["show", `${commit}:${p}`], location) };
  }
  let commit = "(not a git work tree)";
  try {
    commit = git(["rev-parse", "HEAD"]).trim();
  } catch {
    // a plain copy of the files: compared all the same, but the commit cannot be confirmed
  }
  return { commit, read: (p) => readFileSync(join(location, p), "utf8") };
}

// ------------------------------------------------------------------------------------------- Move sources

const FRAMEWORK: Record<string, string> = { std: "0x1", aptos_std: "0x1", aptos_framework: "0x1" };
const PRIMITIVES = new Set(["bool", "u8", "u16", "u32", "u64", "u128", "u256", "address", "signer"]);

/** An address as the fullnode prints it in types (AIP-40: `0x1` for special addresses, else 64 hex digits). */
export const printAddress = (a: string): string =>
  // placeholders such as `0xABC` in dev Move.toml files are short; print them rather than throw
  AccountAddress.from(a, { maxMissingChars: 63 }).toString();

/** Normalises every address inside a fullnode type string, so `0x7730…` and `0x007730…` compare equal. */
export const normalizeTypeString = (t: string): string =>
  t.replace(/0x[0-9a-fA-F]+/g, (a) => printAddress(a)).replace(/\s+/g, "");

/** A Move type as written, printed as the fullnode ABI prints it, resolved in the scope of `mod`. */
export function printType(
  t: TypeExpr,
  mod: ModuleDecl,
  fn: FunctionDecl,
  named: Map<string, string>,
): string {
  const addr = (a: string) => {
    if (/^0x[0-9a-fA-F]+$/.test(a) || /^\d+$/.test(a)) return printAddress(a);
    const v = named.get(a) ?? FRAMEWORK[a];
    if (v === undefined) throw new Error(`${mod.name}: named address ${a} has no value`);
    return printAddress(v);
  };
  switch (t.kind) {
    case "ref":
      return `&${t.mutable ? "mut " : ""}${printType(t.to, mod, fn, named)}`;
    case "tuple":
    case "fn":
      throw new Error(`${mod.name}::${fn.name}: ${t.kind} types do not appear in entry/view ABIs`);
    case "named": {
      const args = t.args.map((a) => printType(a, mod, fn, named));
      const seg = t.path.segments;
      let head: string;
      if (seg.length === 1) {
        const n = seg[0] as string;
        const tp = fn.typeParams.findIndex((p) => p.name === n);
        if (tp >= 0) head = `T${tp}`;
        else if (PRIMITIVES.has(n) || n === "vector") head = n;
        else {
          const use = mod.uses.find((u) => u.kind === "member" && u.alias === n);
          if (use?.kind === "member") head = `${addr(use.address)}::${use.module}::${use.member}`;
          else if (mod.structs.some((s) => s.name === n)) head = `${addr(mod.address)}::${mod.name}::${n}`;
          else throw new Error(`${mod.name}::${fn.name}: cannot resolve type ${n}`);
        }
      } else if (seg.length === 2) {
        const [m, s] = seg as [string, string];
        const use = mod.uses.find((u) => u.kind === "module" && u.alias === m);
        if (use) head = `${addr(use.address)}::${use.module}::${s}`;
        else if (m === mod.name || m === "Self") head = `${addr(mod.address)}::${mod.name}::${s}`;
        else throw new Error(`${mod.name}::${fn.name}: cannot resolve module ${m}`);
      } else {
        const [a, m, s] = seg as [string, string, string];
        head = `${addr(a)}::${m}::${s}`;
      }
      return args.length > 0 ? `${head}<${args.join(", ")}>` : head;
    }
  }
}

/** What the published Move modules say, in fixture shape. */
export interface Published {
  functions: Map<string, Sig>;
  constants: Map<string, string>;
  structs: Map<string, string[]>;
}
const emptyPublished = (): Published => ({ functions: new Map(), constants: new Map(), structs: new Map() });

function fromMove(text: string, file: string, named: Map<string, string>, into: Published): void {
  const parsed = parseFile(text, file);
  for (const d of parsed.diagnostics) if (d.severity === "error") throw new Error(`${file}: ${d.message}`);
  for (const mod of parsed.modules) {
    for (const fn of mod.functions) {
      if (fn.visibility !== "public" && !fn.isEntry) continue; // not in the fullnode's exposed_functions
      into.functions.set(`${mod.name}::${fn.name}`, {
        params: fn.params.map((p) => printType(p.type, mod, fn, named)),
        return: fn.returns.map((r) => printType(r, mod, fn, named)),
        is_entry: fn.isEntry,
        is_view: fn.attributes.includes("view"),
        typeParams: fn.typeParams.length,
      });
    }
    for (const c of mod.constants)
      if (c.source !== undefined) into.constants.set(`${mod.name}::${c.name}`, c.source);
    for (const s of mod.structs)
      into.structs.set(
        `${mod.name}::${s.name}`,
        s.fields.map((f) => f.name),
      );
  }
}

// --------------------------------------------------------------------------------------------- SDK ABI files

/**
 * The object literal of `export const NAME = { ... } as const;` read as data: a small reader for the JSON
 * subset plus unquoted keys, single quotes, trailing commas and comments. The file is never executed.
 */
export function readObjectLiteral(text: string): unknown {
  const start = text.indexOf("{", text.indexOf("="));
  let i = start;
  const fail = (what: string): never => {
    throw new Error(`SDK ABI literal: ${what} at offset ${i}`);
  };
  const skip = () => {
    for (;;) {
      while (i < text.length && /\s/.test(text[i] as string)) i++;
      if (text.startsWith("//", i)) i = text.indexOf("\n", i) < 0 ? text.length : text.indexOf("\n", i);
      else if (text.startsWith("/*", i)) i = text.indexOf("*/", i) + 2;
      else return;
    }
  };
  const str = (): string => {
    const q = text[i];
    let out = "";
    i++;
    while (text[i] !== q) {
      if (i >= text.length) fail("unterminated string");
      if (text[i] === "\\") {
        out += JSON.parse(`"${text.slice(i, i + 2)}"`) as string;
        i += 2;
      } else out += text[i++];
    }
    i++;
    return out;
  };
  const value = (): unknown => {
    skip();
    const c = text[i];
    if (c === "{") {
      i++;
      const o: Record<string, unknown> = {};
      for (;;) {
        skip();
        if (text[i] === "}") {
          i++;
          return o;
        }
        let key: string;
        if (text[i] === '"' || text[i] === "'") key = str();
        else {
          const m = /^[A-Za-z_$][\w$]*/.exec(text.slice(i));
          if (!m) return fail("key expected");
          key = m[0];
          i += key.length;
        }
        skip();
        if (text[i++] !== ":") fail("':' expected");
        o[key] = value();
        skip();
        if (text[i] === ",") i++;
      }
    }
    if (c === "[") {
      i++;
      const a: unknown[] = [];
      for (;;) {
        skip();
        if (text[i] === "]") {
          i++;
          return a;
        }
        a.push(value());
        skip();
        if (text[i] === ",") i++;
      }
    }
    if (c === '"' || c === "'") return str();
    const m = /^(true|false|null|-?\d+(\.\d+)?)/.exec(text.slice(i));
    if (!m) return fail("value expected");
    i += m[0].length;
    return JSON.parse(m[0]) as unknown;
  };
  if (start < 0) fail("no object literal");
  return value();
}

interface AbiModuleJson {
  name: string;
  exposed_functions: {
    name: string;
    is_entry: boolean;
    is_view: boolean;
    generic_type_params: unknown[];
    params: string[];
    return: string[];
  }[];
  structs: { name: string; fields: { name: string }[] }[];
}

function fromSdkAbi(text: string, into: Published): void {
  const abi = readObjectLiteral(text) as AbiModuleJson;
  for (const f of abi.exposed_functions)
    into.functions.set(`${abi.name}::${f.name}`, {
      params: f.params,
      return: f.return,
      is_entry: f.is_entry,
      is_view: f.is_view,
      typeParams: f.generic_type_params.length,
    });
  for (const s of abi.structs)
    into.structs.set(
      `${abi.name}::${s.name}`,
      s.fields.map((f) => f.name),
    );
}

// ----------------------------------------------------------------------------------------------- comparison

export interface Report {
  checked: string[];
  mismatches: string[];
}

/** Compares one venue's fixture entry with what its published files say. */
export function compareVenue(venue: string, fx: VenueFixture, pub: Published, report: Report): void {
  const bad = (m: string) => report.mismatches.push(`${venue}: ${m}`);
  const types = (xs: readonly string[]) => xs.map(normalizeTypeString);
  for (const [mod, fns] of Object.entries(fx.modules)) {
    for (const [name, mine] of Object.entries(fns)) {
      const key = `${mod}::${name}`;
      const p = pub.functions.get(key);
      const declaredAbsent = mine.source !== undefined && /^NOT in/.test(mine.source);
      if (!p) {
        if (declaredAbsent)
          report.checked.push(`${venue} ${key}: absent from the published file, as the fixture says`);
        else bad(`${key} is not in the published file`);
        continue;
      }
      if (declaredAbsent) bad(`${key} is marked "NOT in" but the published file has it`);
      const diff: string[] = [];
      const [a, b] = [types(mine.params), types(p.params)];
      if (JSON.stringify(a) !== JSON.stringify(b))
        diff.push(`params\n    fixture:   ${a.join(", ")}\n    published: ${b.join(", ")}`);
      const [ra, rb] = [types(mine.return), types(p.return)];
      if (JSON.stringify(ra) !== JSON.stringify(rb))
        diff.push(`return\n    fixture:   ${ra.join(", ")}\n    published: ${rb.join(", ")}`);
      if (mine.is_entry !== p.is_entry)
        diff.push(`is_entry fixture ${mine.is_entry}, published ${p.is_entry}`);
      if (mine.is_view !== p.is_view) diff.push(`is_view fixture ${mine.is_view}, published ${p.is_view}`);
      if (mine.typeParams !== undefined && mine.typeParams !== p.typeParams)
        diff.push(`type parameters fixture ${mine.typeParams}, published ${p.typeParams}`);
      if (mine.typeParams === undefined && p.typeParams !== 0)
        diff.push(`published has ${p.typeParams} type parameters`);
      if (diff.length > 0) bad(`${key}: ${diff.join("; ")}`);
      else
        report.checked.push(`${venue} ${key}: ${mine.params.length} params, ${mine.return.length} returns`);
    }
  }
  for (const [key, want] of Object.entries(fx.constants ?? {})) {
    const got = pub.constants.get(key);
    const norm = (x: string) => x.replace(/\s+/g, "").replace(/^vector\[(.*)\]$/, "$1");
    const wantText = Array.isArray(want) ? want.join(",") : want;
    if (got === undefined) bad(`constant ${key} is not in the published file`);
    else if (norm(got) !== norm(wantText)) bad(`constant ${key}: fixture ${wantText}, published ${got}`);
    else report.checked.push(`${venue} constant ${key} = ${got}`);
  }
  for (const [key, fields] of Object.entries(fx.structs ?? {})) {
    const got = pub.structs.get(key);
    if (!got) bad(`struct ${key} is not in the published file`);
    else if (JSON.stringify(got) !== JSON.stringify(fields))
      bad(`struct ${key}: fixture fields ${fields.join(", ")}, published ${got.join(", ")}`);
    else report.checked.push(`${venue} struct ${key} { ${got.join(", ")} }`);
  }
}

/** Named addresses of the Move package a file belongs to (nearest `Move.toml` up its path). */
function namedAddresses(repo: RepoReader, file: string, venueAddress: string): Map<string, string> {
  const parts = file.split("/");
  for (let n = parts.length - 1; n >= 0; n--) {
    const toml = [...parts.slice(0, n), "Move.toml"].join("/");
    let text: string;
    try {
      text = repo.read(toml);
    } catch {
      continue;
    }
    const m = readMoveToml(text, toml, []);
    const out = new Map<string, string>();
    // "_" = assigned at publish time (Hyperion's dex_contract): the fixture's mainnet address stands in, so
    // that address itself is not verified by this script.
    for (const [k, v] of m.addresses) out.set(k, v === "_" ? venueAddress : v);
    return out;
  }
  return new Map();
}

export function verifyVenue(venue: string, fx: VenueFixture, repo: RepoReader, report: Report): void {
  const cite = parseCitation(fx.source);
  const pub = emptyPublished();
  for (const path of cite.paths) {
    const text = repo.read(path);
    if (path.endsWith(".move")) fromMove(text, path, namedAddresses(repo, path, fx.address), pub);
    else fromSdkAbi(text, pub);
  }
  compareVenue(venue, fx, pub, report);
  // The shape the SDK reads a FixedPoint64 with (`result[0] as { v: string }).v`): a text check of its reader.
  if (fx.viewShapes) {
    const vs = parseCitation(fx.viewShapes.source);
    const text = vs.paths.map((p) => repo.read(p)).join("\n");
    for (const [fn, shape] of Object.entries(fx.viewShapes)) {
      if (fn === "source") continue;
      const field = (shape as { fixedPoint64Field?: string }).fixedPoint64Field;
      if (field === undefined) continue;
      const reads = new RegExp(`as \\{ ${field}: string \\}\\)\\.${field}\\b`).test(text);
      if (reads) report.checked.push(`${venue} ${fn}: the SDK reads FixedPoint64 as { ${field} }`);
      else
        report.mismatches.push(`${venue}: ${vs.paths.join(", ")} never reads a FixedPoint64 as { ${field} }`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------- main

function main(argv: string[]): number {
  const locations = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== "--repo" || argv[i + 1] === undefined || !(argv[i + 1] as string).includes("=")) {
      console.error("usage: verify-venue-fixtures.ts --repo owner/name=<work tree or bare git dir> ...");
      return 2;
    }
    const [name, path] = (argv[++i] as string).split("=", 2) as [string, string];
    if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
      console.error(`${path}: not a directory`);
      return 2;
    }
    locations.set(name.toLowerCase(), path);
  }
  const fixture = JSON.parse(
    readFileSync(fileURLToPath(new URL("../test/fixtures/venue-interfaces.json", import.meta.url)), "utf8"),
  ) as Record<string, VenueFixture | string>;
  const report: Report = { checked: [], mismatches: [] };
  for (const [venue, fx] of Object.entries(fixture)) {
    if (typeof fx === "string") continue; // `_about`
    const cite = parseCitation(fx.source);
    const at = locations.get(cite.repo.toLowerCase());
    if (at === undefined) {
      console.log(`SKIP ${venue}: no --repo ${cite.repo}=<path>`);
      continue;
    }
    const repo = openRepo(at, cite.commit);
    if (!repo.commit.startsWith(cite.commit) && !cite.commit.startsWith(repo.commit))
      report.mismatches.push(`${venue}: cites ${cite.repo}@${cite.commit} but ${at} is at ${repo.commit}`);
    console.log(`${venue}: ${cite.repo}@${repo.commit} ${cite.paths.join(", ")}`);
    const before = report.mismatches.length;
    try {
      verifyVenue(venue, fx, repo, report);
    } catch (e) {
      report.mismatches.push(`${venue}: ${e instanceof Error ? e.message : String(e)}`);
    }
    console.log(
      `  ${report.mismatches.length - before === 0 ? "ok" : `${report.mismatches.length - before} mismatch(es)`}`,
    );
  }
  for (const c of report.checked) console.log(`  = ${c}`);
  for (const m of report.mismatches) console.log(`MISMATCH ${m}`);
  console.log(`${report.checked.length} facts match, ${report.mismatches.length} mismatch(es)`);
  return report.mismatches.length === 0 ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  process.exit(main(process.argv.slice(2)));
