/**
 * Number formatting as Prometheus' Go templates print it, so generated promtool expectations match
 * the rendered annotations byte for byte: fmt's `%.4g` and `%v`, and the humanize functions.
 */

function trimZeros(digits: string): string {
  return digits.includes('.') ? digits.replace(/0+$/, '').replace(/\.$/, '') : digits;
}

function goExponent(exp: number): string {
  const abs = Math.abs(exp);
  return `e${exp < 0 ? '-' : '+'}${abs < 10 ? `0${abs}` : String(abs)}`;
}

/**
 * `v.toExponential(digits - 1)`, but with Go's rounding: an exact tie (the double's decimal
 * expansion ends in 5 right after the kept digits) rounds to even, where JavaScript rounds up.
 */
function exponential(v: number, digits: number): [string, number] {
  const [mantissa = '', expText = '0'] = v.toExponential(digits - 1).split('e');
  const exact = Math.abs(v).toPrecision(100).split('e')[0] ?? '';
  const sig = exact.replace('.', '').replace(/^0+/, '');
  const tie = sig[digits] === '5' && /^0*$/.test(sig.slice(digits + 1));
  if (tie && Number(sig[digits - 1]) % 2 === 0) {
    // Rounding down keeps the exponent of the value itself.
    const [, downExp = '0'] = Math.abs(v).toExponential().split('e');
    const kept = sig.slice(0, digits);
    const m = `${v < 0 ? '-' : ''}${kept[0] ?? '0'}${kept.length > 1 ? `.${kept.slice(1)}` : ''}`;
    return [m, Number(downExp)];
  }
  return [mantissa, Number(expText)];
}

/** Go's `%.{precision}g` (trailing zeros removed, exponent with at least two digits). */
export function goG(v: number, precision: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  if (v === 0) return '0';
  const [mantissa, exp] = exponential(v, precision);
  if (exp < -4 || exp >= precision) return `${trimZeros(mantissa)}${goExponent(exp)}`;
  // Fixed notation of the same rounded digits.
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  const sign = v < 0 ? '-' : '';
  if (exp >= 0) {
    const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    return `${sign}${trimZeros(`${int}.${digits.slice(exp + 1)}`)}`;
  }
  return `${sign}${trimZeros(`0.${'0'.repeat(-exp - 1)}${digits}`)}`;
}

/**
 * Go's `%v` of a float64 (strconv's shortest `%g`): the shortest digits that read back as `v`, in
 * exponent form when the exponent is below -4 or at least 6 (`1e+06`, `1.23456789e+08`, `123456`).
 */
export function goValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  if (v === 0) return '0';
  const [mantissa = '', expText = '0'] = v.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) return `${mantissa}${goExponent(exp)}`;
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  const sign = v < 0 ? '-' : '';
  if (exp >= 0) return `${sign}${trimZeros(`${digits.slice(0, exp + 1).padEnd(exp + 1, '0')}.${digits.slice(exp + 1)}`)}`;
  return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
}

/** The exact value of a finite double as mantissa × 2^exponent (both integers). */
function exactBinary(v: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(v));
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  return biased === 0 ? { mantissa: fraction, exponent: -1074 } : { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/**
 * Go's `%.{precision}f`: the exact decimal value of the double rounded half to even (0.125 → 0.12,
 * 2.5 → 2), every integer digit written out (1e21 → 1000000000000000000000.00).
 */
export function goF(v: number, precision: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  const { mantissa, exponent } = exactBinary(v);
  const scale = 10n ** BigInt(precision);
  let q: bigint;
  if (exponent >= 0) q = mantissa * (1n << BigInt(exponent)) * scale;
  else {
    const num = mantissa * scale;
    const den = 1n << BigInt(-exponent);
    q = num / den;
    const twice = 2n * (num % den);
    if (twice > den || (twice === den && q % 2n === 1n)) q += 1n;
  }
  const digits = q.toString().padStart(precision + 1, '0');
  const text = precision === 0 ? digits : `${digits.slice(0, -precision)}.${digits.slice(-precision)}`;
  return v < 0 || Object.is(v, -0) ? `-${text}` : text;
}

export function humanize(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return goG(v, 4);
  let x = v;
  let prefix = '';
  if (Math.abs(x) >= 1) {
    for (const p of ['k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y']) {
      if (Math.abs(x) < 1000) break;
      prefix = p;
      x /= 1000;
    }
  } else {
    for (const p of ['m', 'u', 'n', 'p', 'f', 'a', 'z', 'y']) {
      if (Math.abs(x) >= 1) break;
      prefix = p;
      x *= 1000;
    }
  }
  return `${goG(x, 4)}${prefix}`;
}

export function humanize1024(v: number): string {
  if (Math.abs(v) <= 1 || !Number.isFinite(v)) return goG(v, 4);
  let x = v;
  let prefix = '';
  for (const p of ['ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'Zi', 'Yi']) {
    if (Math.abs(x) < 1024) break;
    prefix = p;
    x /= 1024;
  }
  return `${goG(x, 4)}${prefix}`;
}

export function humanizePercentage(v: number): string {
  return `${goG(v * 100, 4)}%`;
}

/** Go's int64(x) for a float on amd64: truncation, and MinInt64 for anything out of range. */
function goInt64(x: number): bigint {
  return Math.abs(x) < 2 ** 63 ? BigInt(Math.trunc(x)) : -(2n ** 63n);
}

/**
 * humanizeDuration: seconds as `1d 2h 3m 4s` (whole seconds once there are minutes), `%.4gs` between
 * one and sixty seconds (`2.5s`), SI prefixes below one second (`500ms`). Like Prometheus, the whole
 * seconds come from Go's int64 conversion (platform-defined beyond ±2^63 s; amd64 shown here).
 */
export function humanizeDuration(v: number): string {
  if (!Number.isFinite(v)) return goG(v, 4);
  if (v === 0) return '0s';
  if (Math.abs(v) >= 1) {
    const sign = v < 0 ? '-' : '';
    const abs = Math.abs(v);
    const duration = goInt64(abs);
    // Go's % and / truncate toward zero, as BigInt's do.
    const seconds = duration % 60n;
    const minutes = (duration / 60n) % 60n;
    const hours = (duration / 3600n) % 24n;
    const days = duration / 86400n;
    if (days !== 0n) return `${sign}${days}d ${hours}h ${minutes}m ${seconds}s`;
    if (hours !== 0n) return `${sign}${hours}h ${minutes}m ${seconds}s`;
    if (minutes !== 0n) return `${sign}${minutes}m ${seconds}s`;
    return `${sign}${goG(abs, 4)}s`;
  }
  let x = v;
  let prefix = '';
  for (const p of ['m', 'u', 'n', 'p', 'f', 'a', 'z', 'y']) {
    if (Math.abs(x) >= 1) break;
    prefix = p;
    x *= 1000;
  }
  return `${goG(x, 4)}${prefix}s`;
}

/**
 * humanizeTimestamp: Unix seconds as Go prints a UTC time.Time (`2023-11-14 22:13:20.123 +0000 UTC`),
 * truncated to milliseconds as Prometheus's model.Time is; NaN and ±Inf as `%.4g`; beyond year 2262
 * (int64 nanoseconds) a RangeError, where Prometheus fails the template.
 */
export function humanizeTimestamp(v: number): string {
  if (!Number.isFinite(v)) return goG(v, 4);
  // Prometheus fails the template here ("overflows int64"); callers keep the text unrendered.
  if (Math.abs(v * 1e9) >= 2 ** 63) throw new RangeError(`${v} cannot be represented as a nanoseconds timestamp since it overflows int64`);
  // Go: int64(v * 1e9) nanoseconds, then integer division to milliseconds (model.TimeFromUnixNano).
  const ms = Number(BigInt(Math.trunc(v * 1e9)) / 1_000_000n);
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const frac = d.getUTCMilliseconds() ? `.${pad(d.getUTCMilliseconds(), 3).replace(/0+$/, '')}` : '';
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac} +0000 UTC`;
}
