export { testArtifacts, runPromtoolChecks, runAmtoolChecks, routeTests, exitCode, DEBIAN_PACKAGES, type CheckResult, type CheckStatus, type TestArtifactsOptions } from './test-artifacts.js';
