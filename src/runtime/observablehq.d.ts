// Ambient types for the parts of @observablehq/runtime, @observablehq/inputs and htl we use; none ships declarations.

declare module "@observablehq/runtime" {
  /** Receives a variable's state changes; the only way values leave the graph. */
  export interface Observer<T = unknown> {
    pending?(): void;
    fulfilled?(value: T, name: string | null): void;
    rejected?(error: unknown, name: string | null): void;
  }

  export type Definition = (...inputs: any[]) => unknown; // any: inputs are whatever the graph resolves

  export class Variable {
    define(definition: Definition | unknown): this;
    define(name: string | null, definition: Definition | unknown): this;
    define(inputs: readonly string[], definition: Definition | unknown): this;
    define(name: string | null, inputs: readonly string[], definition: Definition | unknown): this;
    import(name: string, module: Module): this;
    import(remote: string, name: string, module: Module): this;
    delete(): this;
    /** Internal: the variable's current name, version and promise (read-only use). */
    readonly _name: string | null;
    readonly _version: number;
    readonly _promise: Promise<unknown>;
  }

  export class Module {
    /** `true` marks the variable observed (always computed) without callbacks. */
    variable(observer?: Observer | true | null, options?: { shadow?: Record<string, Definition> }): Variable;
    define(name: string | null, inputs: readonly string[], definition: Definition | unknown): Variable;
    redefine(name: string, inputs: readonly string[], definition: Definition | unknown): Variable;
    import(name: string, module: Module): Variable;
    value(name: string): Promise<unknown>;
    builtin(name: string, value: unknown): void;
  }

  export class Runtime {
    /** Each builtin that is a function is a definition (called lazily); other values are constants. */
    constructor(builtins?: Record<string, unknown>, global?: (name: string) => unknown);
    module(): Module;
    dispose(): void;
    /** Internal: the pending computation (null when the graph is at rest), and the scheduler. */
    readonly _computing: Promise<void> | null;
    _compute(): Promise<void>;
    /** Internal: the module holding the builtins (redefine one to replace it). */
    readonly _builtin: Module;
  }

  /** The error a variable rejects with when an input rejected (`input` names it) or a name is undefined. */
  export class RuntimeError extends Error {
    constructor(message: string, input?: string);
    input?: string;
  }
}

declare module "@observablehq/inputs" {
  /** A form element whose `value` is the input's current value; it dispatches `input` events. */
  export type InputElement<T = unknown> = HTMLElement & { value: T };
  export interface InputOptions<T = unknown> {
    label?: unknown;
    value?: T;
    disabled?: boolean;
    width?: number | string;
    [option: string]: unknown;
  }
  export function range(extent?: [number, number], options?: InputOptions<number> & { step?: number; format?: (x: number) => string }): InputElement<number>;
  export function number(extent?: [number, number] | InputOptions<number>, options?: InputOptions<number>): InputElement<number>;
  export function select<T>(data: Iterable<T>, options?: InputOptions<T> & { multiple?: boolean | number; format?: (x: T) => string }): InputElement<T>;
  export function radio<T>(data: Iterable<T>, options?: InputOptions<T> & { format?: (x: T) => string }): InputElement<T>;
  export function checkbox<T>(data: Iterable<T>, options?: InputOptions<T[]> & { format?: (x: T) => string }): InputElement<T[]>;
  export function toggle(options?: InputOptions<boolean>): InputElement<boolean>;
  export function button<T>(content?: unknown, options?: InputOptions<T> & { reduce?: (value: T) => T }): InputElement<T>;
  export function text(options?: InputOptions<string> & { placeholder?: string }): InputElement<string>;
  export function textarea(options?: InputOptions<string>): InputElement<string>;
  export function search<T>(data: Iterable<T>, options?: InputOptions<T[]>): InputElement<T[]>;
  export function table<T>(data: Iterable<T>, options?: InputOptions<T[]> & { columns?: string[]; rows?: number }): InputElement<T[]>;
  export function date(options?: InputOptions<Date>): InputElement<Date>;
  export function color(options?: InputOptions<string>): InputElement<string>;
  export function form<T>(inputs: T, options?: InputOptions): InputElement<unknown>;
  export function input<T>(value: T): EventTarget & { value: T };
  export function bind<T extends HTMLElement>(target: T, source: EventTarget & { value: unknown }, invalidation?: Promise<unknown>): T;
}

declare module "htl" {
  /** Tagged templates that build DOM: `` html`<b>${x}</b>` ``. */
  export const html: ((strings: TemplateStringsArray, ...values: unknown[]) => Node) & {
    fragment(strings: TemplateStringsArray, ...values: unknown[]): DocumentFragment;
  };
  export const svg: ((strings: TemplateStringsArray, ...values: unknown[]) => Node) & {
    fragment(strings: TemplateStringsArray, ...values: unknown[]): DocumentFragment;
  };
}
