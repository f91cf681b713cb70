/**
 * @monspec/preview: dashboards as SVG pictures laid out like Grafana, from the resolved model and
 * data (sample data from the spec, or what the CLI got from Prometheus). Pure: no files, network,
 * environment or clock. PNG rasterisation is `@monspec/preview/png` (resvg; reads system fonts).
 */
export type { DashboardData, LogLine, PanelData, QueryData, Series } from './data.js';
export { renderDashboard, type PanelReport, type Rendered, type RenderOptions } from './render.js';
export { sampleData, SAMPLE_NOW_MS } from './sample.js';
export { measuredData, plannedQueries, type PlannedQuery, type QueryOutcome } from './queries.js';
export { previewsGenerator, previewPath } from './generator.js';
export { seriesName } from './values.js';
