// The JavaScript and browser globals a cell may read without any cell defining them. (The lesson's
// own builtins are in the registry, src/contract/builtins.ts.)

/** JavaScript and browser globals: free references to these are not cell inputs. */
export const globals: ReadonlySet<string> = new Set([
  // ECMAScript
  "Array", "ArrayBuffer", "AggregateError", "Atomics", "BigInt", "BigInt64Array", "BigUint64Array",
  "Boolean", "DataView", "Date", "Error", "EvalError", "FinalizationRegistry", "Float32Array",
  "Float64Array", "Function", "Infinity", "Int16Array", "Int32Array", "Int8Array", "Intl", "Iterator",
  "JSON", "Map", "Math", "NaN", "Number", "Object", "Promise", "Proxy", "RangeError",
  "ReferenceError", "Reflect", "RegExp", "Set", "SharedArrayBuffer", "String", "Symbol",
  "SyntaxError", "TypeError", "URIError", "Uint16Array", "Uint32Array", "Uint8Array",
  "Uint8ClampedArray", "WeakMap", "WeakRef", "WeakSet", "arguments", "decodeURI",
  "decodeURIComponent", "encodeURI", "encodeURIComponent", "escape", "eval", "globalThis",
  "isFinite", "isNaN", "parseFloat", "parseInt", "undefined", "unescape",
  // Browser
  "AbortController", "AbortSignal", "Blob", "BroadcastChannel", "CSS", "CanvasRenderingContext2D",
  "CustomEvent", "DOMParser", "DOMPoint", "DOMRect", "Document", "DocumentFragment", "Element",
  "Event", "EventSource", "EventTarget", "File", "FileList", "FileReader", "FormData", "Headers",
  "HTMLCanvasElement", "HTMLElement", "HTMLImageElement", "HTMLInputElement", "Image", "ImageData",
  "IntersectionObserver", "KeyboardEvent", "MessageChannel", "MouseEvent", "MutationObserver",
  "Node", "NodeList", "OffscreenCanvas", "Path2D", "PointerEvent", "ReadableStream", "Request",
  "ResizeObserver", "Response", "SVGElement", "SVGSVGElement", "TextDecoder", "TextEncoder", "URL",
  "URLSearchParams", "WebAssembly", "WebSocket", "Worker", "WritableStream", "XMLHttpRequest",
  "addEventListener", "alert", "atob", "btoa", "cancelAnimationFrame", "cancelIdleCallback",
  "clearInterval", "clearTimeout", "confirm", "console", "createImageBitmap", "crypto",
  "devicePixelRatio", "document", "fetch", "getComputedStyle", "history", "indexedDB",
  "innerHeight", "innerWidth", "localStorage", "location", "matchMedia", "navigator",
  "performance", "prompt", "queueMicrotask", "removeEventListener", "requestAnimationFrame",
  "requestIdleCallback", "screen", "self", "sessionStorage", "setInterval", "setTimeout",
  "structuredClone", "window",
]);

/** True when `name` is a JavaScript or browser global (not a cell input). */
export function isGlobal(name: string): boolean {
  return globals.has(name);
}
