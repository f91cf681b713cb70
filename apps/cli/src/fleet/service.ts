import type { SourceLocation } from '@monspec/metrics-spec';
import type { FleetEntry } from './entry.js';

/**
 * One service of a fleet in one environment, as the org merge and the cross-service checks see it:
 * its fleet entry (freshly built, or read from its built folder) and how to locate a finding.
 */
export interface FleetService {
  readonly entry: FleetEntry;
  /** The spec folder, for messages. */
  readonly displayDir: string;
  /** file:line:col (the file prefixed with the spec folder) of a pointer into its merged spec; may compile the spec again. */
  readonly locate: (pointer: string) => SourceLocation | undefined;
}
