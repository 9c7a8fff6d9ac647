/**
 * Quantiles of the negative binomial NB(r, p): the number of failures before the r-th success,
 * pmf(k) = Γ(r+k) / (k! Γ(r)) · p^r · (1−p)^k, for real r > 0.
 *
 * The pmf is built by the recurrence pmf(k+1) = pmf(k) · (r+k)/(k+1) · (1−p), carried in logarithms so that
 * pmf(0) = p^r does not underflow for large r, and summed until the cumulative probability reaches q. The
 * recurrence needs no log-gamma function.
 */
export function negativeBinomialQuantile(r: number, p: number, q: number): number {
  if (!(r > 0) || !(p > 0 && p <= 1) || !(q >= 0 && q < 1)) {
    throw new RangeError(`negativeBinomialQuantile needs r > 0, 0 < p ≤ 1, 0 ≤ q < 1 (got ${r}, ${p}, ${q})`);
  }
  if (p === 1) return 0;
  const logFail = Math.log1p(-p);
  const mean = (r * (1 - p)) / p;
  const sd = Math.sqrt((r * (1 - p)) / (p * p));
  const limit = Math.ceil(mean + 60 * sd + 1000);
  let logPmf = r * Math.log(p);
  let cumulative = Math.exp(logPmf);
  let k = 0;
  while (cumulative < q && k < limit) {
    logPmf += Math.log(r + k) - Math.log(k + 1) + logFail;
    k++;
    cumulative += Math.exp(logPmf);
  }
  return k;
}
