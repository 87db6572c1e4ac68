/**
 * Wilson score interval for a proportion x/n (default 95%, z = 1.959964). Preferred over the Wald
 * interval, whose coverage is poor near 0 or 1 and at small n.
 * Returns null when n is 0.
 */
export function wilsonInterval(x: number, n: number, z = 1.959964): { low: number; high: number } | null {
  if (!Number.isInteger(x) || !Number.isInteger(n) || x < 0 || n < 0 || x > n)
    throw new Error(`wilsonInterval needs integers 0 ≤ x ≤ n, got x=${x}, n=${n}`);
  if (n === 0) return null;
  const p = x / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  return { low: Math.max(0, (centre - spread) / denom), high: Math.min(1, (centre + spread) / denom) };
}
