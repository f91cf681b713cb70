import type { ResolvedPanel } from '@monspec/metrics-spec';
import type { QueryData } from '../data.js';

/** A rectangle in px. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** What a panel drawer gets: the panel, the box inside its chrome, its queries' series and the time range. */
export interface DrawContext {
  readonly panel: ResolvedPanel;
  readonly box: Box;
  readonly queries: readonly QueryData[];
  readonly fromMs: number;
  readonly toMs: number;
}

/** One named value of a panel: the series' display name and its last value. */
export interface NamedValue {
  readonly name: string;
  readonly value: number;
}
