import type { Diagnostic } from '@monspec/metrics-spec';
import type { FleetService } from '../service.js';
import { alertLabelCollision } from './alert-label-collision.js';
import { duplicateDashboardUid } from './duplicate-dashboard-uid.js';
import { metricConflict } from './metric-conflict.js';
import { receiverNameCollision } from './receiver-name.js';
import { recordingRuleNameCollision } from './recording-rule-name.js';
import type { FleetCheck } from './types.js';

/** Every cross-service check, one per file. */
export const FLEET_CHECKS: readonly FleetCheck[] = [duplicateDashboardUid, alertLabelCollision, recordingRuleNameCollision, receiverNameCollision, metricConflict];

/**
 * Runs the cross-service checks over one environment's services. Each finding is located at the
 * second definition and names the first's file:line in its message (both places).
 */
export function runFleetChecks(services: readonly FleetService[], checks: readonly FleetCheck[] = FLEET_CHECKS): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const check of checks) {
    check.run(services, (f) => {
      const location = f.service.locate(f.pointer);
      const other = f.other.locate(f.otherPointer);
      out.push({
        ruleId: check.id,
        severity: check.severity,
        message: `${f.message}${other ? ` (${f.other.entry.name}: ${other.file}:${other.line}:${other.column})` : ''}`,
        pointer: f.pointer,
        ...(location ? { location } : {}),
      });
    });
  }
  return out;
}
