import type { Artifact, ArtifactRole, ResolvedModel, SourceLocation } from '@monspec/metrics-spec';
import { parse } from 'yaml';

/** One service of a fleet, built for one environment. */
export interface FleetService {
  /** The service's name (model.service.name): its output folder. */
  readonly name: string;
  /** The spec folder, for messages. */
  readonly displayDir: string;
  /** The fleet environment it is built for (its output folder OUT/<service>/<environment>; a spec without environments has its own default as model.environment). */
  readonly environment: string;
  readonly model: ResolvedModel;
  /** What `build` generates for it (headers added, manifest last). */
  readonly artifacts: readonly Artifact[];
  /** file:line:col (the file prefixed with the spec folder) of a pointer into its merged spec. */
  readonly locate: (pointer: string) => SourceLocation | undefined;
}

/** The parsed YAML of a service's artifact of `role` (found by role, never by path), or undefined. */
export function artifactData(service: FleetService, role: ArtifactRole): Record<string, unknown> | undefined {
  const a = service.artifacts.find((x) => x.role === role);
  if (!a) return undefined;
  const data: unknown = parse(a.content);
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}
