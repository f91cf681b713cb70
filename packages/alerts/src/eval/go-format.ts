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

/** Go's `%v` of a float64: shortest representation, exponent form below 1e-4 or from 1e21. */
export function goValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  if (v === 0) return '0';
  const [mantissa = '', expText = '0'] = v.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 21) return `${mantissa}${goExponent(exp)}`;
  return String(v);
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

/** humanizeDuration: seconds as `1d 2h 3m 4s`, or with SI prefixes below one second. */
export function humanizeDuration(v: number): string {
  if (!Number.isFinite(v)) return goG(v, 4);
  if (v === 0) return '0s';
  if (Math.abs(v) >= 1) {
    const sign = v < 0 ? '-' : '';
    const whole = Math.trunc(Math.abs(v));
    const days = Math.trunc(whole / 86400);
    const hours = Math.trunc(whole / 3600) % 24;
    const minutes = Math.trunc(whole / 60) % 60;
    const s = `${whole % 60}s`;
    if (days !== 0) return `${sign}${days}d ${hours}h ${minutes}m ${s}`;
    if (hours !== 0) return `${sign}${hours}h ${minutes}m ${s}`;
    if (minutes !== 0) return `${sign}${minutes}m ${s}`;
    return `${sign}${s}`;
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
