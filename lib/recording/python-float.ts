/** Python's float formatting and rounding, for hashing requests as llama-stack's recorder does. */

/**
 * A float exactly halfway between two 5-place decimals is an odd multiple of 1/64 (the only
 * binary fractions that end in 5 at the sixth place); Python rounds those half to even, where
 * JavaScript's `toFixed` rounds them away from zero.
 */
function isTie(value: number): boolean {
  const scaled = value * 64;
  return Number.isInteger(scaled) && Math.abs(scaled % 2) === 1 && Math.abs(value) < 2 ** 40;
}

function halfEven(value: number): number {
  const scaled = value * 100000;
  const low = Math.floor(scaled);
  return (low % 2 === 0 ? low : low + 1) / 100000;
}

/** Python's `round(value, 5)`. */
export function pythonRound5(value: number): number {
  if (!Number.isFinite(value)) return value;
  if (isTie(value)) return halfEven(value);
  return Number(value.toFixed(5));
}

/** Python's `f"{value:.5f}"`. */
export function pythonFixed5(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
  if (Math.abs(value) >= 1e21) return `${BigInt(value).toString()}.00000`;
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  const magnitude = Math.abs(value);
  const text = isTie(magnitude) ? halfEven(magnitude).toFixed(5) : magnitude.toFixed(5);
  return `${sign}${text}`;
}

/** Python's `repr(float)`: shortest round trip, `1.0` for whole numbers, `1e-05` exponents. */
export function pythonFloatRepr(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const [mantissa = "", exponentText = "0"] = value.toExponential().split("e");
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    return `${mantissa}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  const text = String(value);
  return text.includes(".") ? text : `${text}.0`;
}
