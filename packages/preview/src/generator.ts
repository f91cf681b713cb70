/**
 * The previews as a generator: one SVG per dashboard with sample data for the docs site
 * (`site/dashboards/<uid>.svg`, role `image`, subject the uid), which docs-gen's dashboard pages find
 * by role. Pure, like every generator.
 */
import type { Artifact, ArtifactDescriptor, Generator, ResolvedModel } from '@monspec/metrics-spec';
import { renderDashboard } from './render.js';
import { sampleData } from './sample.js';

export function previewPath(uid: string): string {
  return `site/dashboards/${uid}.svg`;
}

function descriptor(uid: string): ArtifactDescriptor {
  return { path: previewPath(uid), kind: 'svg', engine: 'people', role: 'image', subject: uid, deployed: true, title: 'Dashboard preview with sample data.' };
}

function describe(model: ResolvedModel): ArtifactDescriptor[] {
  return model.dashboards.map((d) => descriptor(d.uid)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function generate(model: ResolvedModel): Artifact[] {
  return model.dashboards
    .map((d) => ({ ...descriptor(d.uid), content: renderDashboard(d, sampleData(model, d)).svg }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export const previewsGenerator = { id: 'previews', describe, generate } satisfies Generator<undefined>;
