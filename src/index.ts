// live-lesson's main entry: the compiler (pure, runs in Node and in the browser) and its data.
// The runtime, the math, the editor and the Vite plugin have their own entries (package.json).
export * from "./compile/index.ts";
