export * from "./ast.ts";
export { Cursor, describe as describeToken } from "./cursor.ts";
export { type Token, type TokenKind, tokenize } from "./lexer.ts";
export { isTestOnly, parseAttributes } from "./parse-attributes.ts";
export { parseBlock, parseExpr, parseNumber, parsePattern } from "./parse-expr.ts";
export { type ParsedFile, type ParseOptions, parseFile } from "./parse-module.ts";
export { parsePath, parseType } from "./parse-type.ts";
export { MoveSyntaxError } from "./syntax-error.ts";
export { childrenOf, forEachExpr, forEachPattern } from "./visit.ts";
