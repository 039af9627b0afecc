/** The checker's public surface (re-exported by the package index). */
export { type CheckedPackage, type CheckOptions, type CheckResult, checkPackage } from "./check-package.ts";
export { Env, type FunSig, moduleKey, type StructInfo } from "./env.ts";
export {
  type AbiFunction,
  type AbiModule,
  type AbiStruct,
  FrameworkInterface,
  frameworkAbiPath,
  loadFramework,
  parseTypeString,
} from "./framework.ts";
export { type ResolvedModulePath, resolveModulePath } from "./module-path.ts";
