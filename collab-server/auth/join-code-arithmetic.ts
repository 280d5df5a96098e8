/**
 * The arithmetic behind the join code's length and the guess throttle (see docs/security.md).
 *
 * An attacker who ignores the per-address limit (many addresses) is still held by the total
 * limit on wrong guesses. Over a session of `seconds`, at most `burst + ratePerSecond * seconds`
 * wrong guesses are answered at all; each one hits one of `liveCodes` codes out of `codeSpace`
 * with probability liveCodes / codeSpace. By the union bound the chance of guessing any live code
 * is at most their product.
 */
export interface GuessBoundInput {
  codeSpace: number;
  liveCodes: number;
  ratePerSecond: number;
  burst: number;
  seconds: number;
}

export function guessProbabilityBound(i: GuessBoundInput): number {
  const guesses = i.burst + i.ratePerSecond * i.seconds;
  return Math.min(1, (guesses * i.liveCodes) / i.codeSpace);
}

/** The example: a 6-digit code at 5 tries a second for two hours (about 3.6%). */
export function naiveSixDigitBound(): number {
  return 1 - (1 - 1 / 1e6) ** (5 * 7200);
}
