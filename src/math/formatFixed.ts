// Python's `format(x, ".Nf")` (the f-string `{x:.4f}`): the exact binary value of x rounded to N
// decimals with round-half-even, a "-" for every negative value including -0.0 and values that
// round to zero ("-0.0000"), "inf"/"-inf"/"nan", and no exponent however large x is.
// JavaScript's toFixed differs on each point: ties round away from zero, -0 prints "0", and
// |x| ≥ 1e21 switches to exponent notation. Source: Python docs, "Format Specification
// Mini-Language" (type 'f'); ECMA-262 §21.1.3.3 Number.prototype.toFixed.

/** Formats x as Python's `f"{x:.{digits}f}"` would, exactly. */
export function formatFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return "nan";
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  if (!Number.isFinite(x)) return `${sign}inf`;
  const [numerator, shift] = exactBinary(Math.abs(x));
  // |x| = numerator / 2^shift exactly; scale by 10^digits and round half to even.
  const scaled = numerator * 10n ** BigInt(digits);
  const denominator = 1n << shift;
  let q = scaled / denominator;
  const twice = 2n * (scaled % denominator);
  if (twice > denominator || (twice === denominator && q % 2n === 1n)) q += 1n;
  const text = q.toString().padStart(digits + 1, "0");
  const whole = text.slice(0, text.length - digits);
  return digits > 0 ? `${sign}${whole}.${text.slice(-digits)}` : `${sign}${whole}`;
}

// A finite non-negative double as numerator / 2^shift, both exact.
function exactBinary(x: number): [bigint, bigint] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const power = (exponent === 0 ? 1 : exponent) - 1075; // x = mantissa · 2^power
  return power >= 0 ? [mantissa << BigInt(power), 0n] : [mantissa, BigInt(-power)];
}
