// Types for @observablehq/inputs (the package ships none): the functions lessons use, as the
// lesson type checker sees them. Each input is an element whose `value` is what `view()` yields.

/** An input element: a form whose `value` is the reader's current choice. */
export type Input<T> = HTMLElement & { value: T };

/** Options every input accepts. */
export interface InputOptions {
  /** The visible label; readers using a screen reader hear it too. */
  label?: string | Node;
  disabled?: boolean;
  width?: number | string;
}

/** Options of range and number inputs. */
export interface RangeOptions extends InputOptions {
  value?: number;
  step?: number;
  format?: (value: number) => string;
  transform?: (value: number) => number;
  invert?: (value: number) => number;
  placeholder?: string;
  validate?: (input: HTMLInputElement) => boolean;
}

/** Options of the choosers (select, radio, checkbox). */
export interface ChooserOptions<T> extends Omit<InputOptions, "disabled"> {
  format?: (value: T, index: number, data: readonly T[]) => string | Node;
  keyof?: (value: T) => unknown;
  valueof?: (value: T) => unknown;
  sort?: boolean | "ascending" | "descending" | ((a: T, b: T) => number);
  unique?: boolean;
  disabled?: boolean | Iterable<T> | ((index: number) => boolean);
}

/** Options of text-like inputs. */
export interface TextOptions extends InputOptions {
  value?: string;
  placeholder?: string;
  spellcheck?: boolean;
  autocomplete?: string;
  pattern?: string;
  minlength?: number;
  maxlength?: number;
  required?: boolean;
  submit?: boolean | string;
  datalist?: Iterable<string>;
  readonly?: boolean;
}

/** A slider with a number box; `extent` is [min, max]. */
export function range(extent?: readonly [number, number], options?: RangeOptions): Input<number>;
/** A number box, optionally bounded by `extent`. */
export function number(options?: RangeOptions): Input<number>;
export function number(extent: readonly [number, number] | undefined, options?: RangeOptions): Input<number>;
/** A drop-down menu; `multiple: true` makes the value an array. */
export function select<T>(
  data: Iterable<T> | Map<unknown, T>,
  options: ChooserOptions<T> & { multiple: true | number; value?: Iterable<T> },
): Input<T[]>;
export function select<T>(
  data: Iterable<T> | Map<unknown, T>,
  options?: ChooserOptions<T> & { multiple?: false; value?: T; size?: number },
): Input<T>;
/** A set of radio buttons: one choice. */
export function radio<T>(data: Iterable<T> | Map<unknown, T>, options?: ChooserOptions<T> & { value?: T }): Input<T>;
/** A set of checkboxes: any number of choices. */
export function checkbox<T>(
  data: Iterable<T> | Map<unknown, T>,
  options?: ChooserOptions<T> & { value?: Iterable<T> },
): Input<T[]>;
/** A single on/off checkbox. */
export function toggle(options?: InputOptions & { value?: boolean }): Input<boolean>;
export function toggle<T>(options: InputOptions & { value?: T; values: readonly [T, T] }): Input<T>;
/** A button whose value counts clicks, or runs `reduce` on each click. */
export function button(content?: string | Node, options?: InputOptions & { value?: number; required?: boolean }): Input<number>;
export function button<T>(
  content: string | Node,
  options: InputOptions & { value?: T; reduce: (value: T) => T; required?: boolean },
): Input<T>;
export function button<T>(
  content: Iterable<readonly [string | Node, (value: T) => T]>,
  options?: InputOptions & { value?: T; required?: boolean },
): Input<T>;
/** A one-line text box. */
export function text(options?: TextOptions): Input<string>;
/** A multi-line text box. */
export function textarea(options?: TextOptions & { rows?: number; resize?: string }): Input<string>;
export function email(options?: TextOptions): Input<string>;
export function tel(options?: TextOptions): Input<string>;
export function url(options?: TextOptions): Input<string>;
export function password(options?: TextOptions): Input<string>;
/** A colour picker; the value is a hex string. */
export function color(options?: InputOptions & { value?: string; datalist?: Iterable<string> }): Input<string>;
/** A date picker. */
export function date(options?: InputOptions & { value?: Date | string; min?: Date | string; max?: Date | string }): Input<Date | null>;
export function datetime(options?: InputOptions & { value?: Date | string; min?: Date | string; max?: Date | string }): Input<Date | null>;
/** A file picker. */
export function file(options?: InputOptions & { accept?: string; multiple?: boolean; required?: boolean }): Input<unknown>;
/** A sortable table; the value is the selected rows. */
export function table<T>(
  data: Iterable<T> | Promise<Iterable<T>>,
  options?: {
    columns?: (keyof T & string)[];
    header?: Partial<Record<keyof T & string, string>>;
    /** Per column: `value` is that column's field of the row (`T[K]`), so `(d) => d.toFixed(2)` types in a number column. */
    format?: { [K in keyof T & string]?: (value: T[K], index: number, data: readonly T[]) => string | Node };
    align?: Partial<Record<keyof T & string, "left" | "right" | "center">>;
    width?: number | string | Partial<Record<keyof T & string, number | string>>;
    sort?: keyof T & string;
    reverse?: boolean;
    rows?: number;
    height?: number;
    maxHeight?: number;
    maxWidth?: number;
    select?: boolean;
    multiple?: boolean;
    value?: T | T[];
    required?: boolean;
    layout?: "fixed" | "auto";
  },
): Input<T[]>;
/** A search box over `data`; the value is the matching rows. */
export function search<T>(
  data: Iterable<T>,
  options?: TextOptions & { query?: string; columns?: string[]; format?: (count: number) => string; filter?: (query: string) => (row: T) => boolean },
): Input<T[]>;
/** Several inputs as one; the value is an object (or array) of their values. */
export function form<T extends Record<string, unknown>>(
  inputs: { [K in keyof T]: Input<T[K]> },
  options?: { template?: (inputs: Record<string, HTMLElement>) => HTMLElement },
): Input<T>;
export function form<T extends unknown[]>(
  inputs: { [K in keyof T]: Input<T[K]> },
  options?: { template?: (inputs: HTMLElement[]) => HTMLElement },
): Input<T>;
/** An invisible input holding `value`. */
export function input<T>(value: T): Input<T>;
/** Keeps `target` in sync with `source` (two-way). */
export function bind<T extends HTMLElement>(target: T, source: HTMLElement & { value: unknown }, invalidation?: Promise<void>): T;
/** Resolves when `element` leaves the page. */
export function disposal(element: Element): Promise<void>;
export function formatDate(date: Date): string;
export function formatLocaleAuto(locale?: string): (value: unknown) => string;
export function formatLocaleNumber(locale?: string): (value: number) => string;
export function formatTrim(value: number): string;
export function searchFilter(query: string): (row: unknown) => boolean;
