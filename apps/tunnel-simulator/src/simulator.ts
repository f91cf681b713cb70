/**
 * The simulated streaming-proxy: every tick it forwards a batch of requests and updates every spec
 * metric through the generated, typed instrumentation, according to the current scenario.
 */
import type { ProcessMetrics, ServiceMetrics } from './generated/metrics.js';
import type { ErrorLog } from './log.js';
import { eventsOnTick, PROFILES, POOL_CAPACITY, type Scenario } from './scenarios.js';
import { request, TIERS } from './traffic.js';

const REQUESTS_PER_TICK = 10;

export class Simulator {
  private seq = 0;
  private ticks = 0;
  private scenarioName: Scenario;
  /** Requests and errors of the last second, for the deprecated service-side rate gauges. */
  private window: { requests: number; errors: number }[] = [];

  constructor(
    private readonly metrics: ServiceMetrics,
    private readonly processMetrics: ProcessMetrics,
    private readonly log: ErrorLog,
    private readonly tickMs: number,
    scenario: Scenario = 'healthy',
  ) {
    this.scenarioName = scenario;
    metrics.tunnelConnectionPoolCapacity.set(POOL_CAPACITY);
    this.applyState();
  }

  get scenario(): Scenario {
    return this.scenarioName;
  }

  setScenario(scenario: Scenario): void {
    this.scenarioName = scenario;
    this.applyState();
  }

  /** Gauges that follow the scenario directly. */
  private applyState(): void {
    const p = PROFILES[this.scenarioName];
    this.metrics.tunnelConnectionPoolInUse.set(p.poolInUse);
    this.metrics.tunnelConnectionPoolPending.set(p.poolPending);
    this.metrics.tunnelCircuitBreakerState.set(p.breakerOpen ? 1 : 0);
    this.metrics.tunnelQueueSize.set(p.queueSize);
    this.metrics.tunnelQueueFillPercentage.set(p.queueFillPercent);
    for (const tier of TIERS) this.metrics.tunnelActiveConnections.set({ tier }, p.activeConnections[tier]);
    this.processMetrics.processResidentMemoryBytes.set(p.residentMemoryBytes);
  }

  tick(): void {
    const p = PROFILES[this.scenarioName];
    const m = this.metrics;
    let errors = 0;
    for (let i = 0; i < REQUESTS_PER_TICK; i++) {
      const r = request(this.seq++, p);
      m.tunnelRequestsTotal.inc({ tier: r.tier });
      m.tunnelUserRequestsTotal.inc({ user: r.user });
      m.tunnelRequestLatencyMs.observe({ tier: r.tier }, r.latencyMs);
      m.tunnelUserRequestLatencyMs.observe({ user: r.user }, r.latencyMs);
      m.tunnelThroughputBytesTotal.inc({ direction: 'inbound', tier: r.tier }, 512);
      m.tunnelThroughputBytesTotal.inc({ direction: 'outbound', tier: r.tier }, 4096);
      if (p.breakerOpen) m.tunnelCircuitBreakerFailuresTotal.inc();
      else m.tunnelCircuitBreakerSuccessesTotal.inc();
      if (r.error) {
        errors++;
        m.tunnelErrorsTotal.inc({ category: r.error.category, code: r.error.code, tier: r.tier });
        m.tunnelUserErrorsTotal.inc({ category: r.error.category, user: r.user });
        this.log.error('tunnel request failed', { category: r.error.category, code: r.error.code, tier: r.tier, user: r.user });
      }
    }
    this.ticks++;
    const violations = eventsOnTick(p.violationsPerTick, this.ticks);
    if (violations > 0) m.tunnelRateLimitViolationsTotal.inc({ tier: 'free' }, violations);
    const drops = eventsOnTick(p.queueDropsPerTick, this.ticks);
    if (drops > 0) m.tunnelQueueDroppedTotal.inc(drops);
    if (this.ticks % 10 === 0) {
      const tier = TIERS[(this.ticks / 10) % TIERS.length] ?? 'free';
      m.tunnelConnectionsTotal.inc({ tier });
      m.tunnelConnectionDurationSeconds.observe({ tier }, 3600);
    }
    this.recordWindow(REQUESTS_PER_TICK, errors);
    this.processMetrics.processCpuSecondsTotal.inc((p.cpuCores * this.tickMs) / 1000);
  }

  private recordWindow(requests: number, errors: number): void {
    this.window.push({ requests, errors });
    const perSecond = Math.max(1, Math.round(1000 / this.tickMs));
    if (this.window.length > perSecond) this.window.shift();
    const total = this.window.reduce((a, w) => a + w.requests, 0);
    const failed = this.window.reduce((a, w) => a + w.errors, 0);
    this.metrics.tunnelRequestRate.set((total * 1000) / (this.window.length * this.tickMs));
    this.metrics.tunnelErrorRate.set(total ? failed / total : 0);
  }

  /** Open file descriptors: the real count where /proc exists, sampled before each scrape. */
  setOpenFds(count: number): void {
    this.processMetrics.processOpenFds.set(count);
  }
}
