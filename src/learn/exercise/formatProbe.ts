// A probe's value as the feedback shows it: short, with a real minus sign ("expected −40, got 0").

import type { ProbeValue } from "../../contract/exercise.ts";

/** Formats a probe value for the student (numbers to 6 significant digits, at most ~80 characters). */
export function formatProbe(value: ProbeValue): string {
  const text = format(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function format(value: ProbeValue): string {
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(format).join(", ")}]`;
  if (typeof value.$number === "string") return value.$number.replace("-", "−");
  if (typeof value.$type === "string") return value.$type === "undefined" ? "undefined" : `a ${value.$type}`;
  return `{${Object.entries(value).map(([k, v]) => `${k}: ${format(v)}`).join(", ")}}`;
}

function formatNumber(x: number): string {
  const text = Number.isInteger(x) && Math.abs(x) < 1e15 ? String(x) : String(Number(x.toPrecision(6)));
  return text.replace(/^-/, "−");
}
