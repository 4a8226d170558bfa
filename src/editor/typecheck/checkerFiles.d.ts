// The checker's virtual modules, made by the Vite plugin (src/vite/checkerFiles.ts).
declare module "virtual:live-lesson/checker-assets" {
  /** TypeScript's script as an ES module (default export: the `ts` namespace). */
  export const typescriptUrl: string;
  /** The declaration files (default export: CheckerFiles). */
  export const filesUrl: string;
}

declare module "virtual:live-lesson/typescript-shim" {
  /** Points `typescript` (in the worker's bundle, a stand-in) at TypeScript once its script has loaded. */
  export function provideTypeScript(real: object): void;
}
