/**
 * Deterministic traffic: request number `seq` always gets the same tier, user, outcome and latency,
 * so the recorded rates and quantiles are the same on every run (no randomness in the e2e test).
 */
import type { Profile } from './scenarios.js';

export const TIERS = ['free', 'premium', 'enterprise'] as const;
export type Tier = (typeof TIERS)[number];

const ERRORS = [
  { category: 'network', code: 'connection_reset' },
  { category: 'auth', code: 'token_expired' },
  { category: 'server', code: 'upstream_error' },
] as const;
export type SimulatedError = (typeof ERRORS)[number];

export interface Request {
  readonly tier: Tier;
  readonly user: string;
  readonly latencyMs: number;
  readonly error: SimulatedError | undefined;
}

export function request(seq: number, profile: Profile): Request {
  const tier = TIERS[seq % TIERS.length] as Tier;
  const user = seq % 7 === 6 ? 'other' : `user-${(seq % 7) + 1}`;
  const stalled = seq % 100 < profile.stallPer100;
  const slow = seq % 20 < profile.slowPer20;
  const latencyMs = stalled ? 1500 + ((seq * 29) % 901) : slow ? 220 + ((seq * 13) % 61) : 20 + ((seq * 37) % 61);
  const failing = seq % profile.errorEvery === 0;
  const error = failing ? ERRORS[Math.floor(seq / profile.errorEvery) % ERRORS.length] : undefined;
  return { tier, user, latencyMs, error };
}
