import type { ResolvedModel } from '@monspec/metrics-spec';

/**
 * A conforming exposition for a model, written the way client libraries write it (one series per
 * metric with each label at its first allowed value). Tests mutate it to make it non-conforming.
 */
export function expositionFor(model: ResolvedModel): string {
  const lines: string[] = [];
  for (const m of model.metrics) {
    if (m.origin === 'prometheus') continue;
    const labels = m.labels.map((l) => `${l.name}="${l.values?.[0] ?? 'u1'}"`);
    const set = (extra: string[] = []) => {
      const all = [...labels, ...extra];
      return all.length ? `{${all.join(',')}}` : '';
    };
    lines.push(`# HELP ${m.name} ${m.help}`, `# TYPE ${m.name} ${m.type}`);
    if (m.type === 'histogram') {
      for (const b of m.buckets ?? []) lines.push(`${m.name}_bucket${set([`le="${b}"`])} 1`);
      lines.push(`${m.name}_bucket${set(['le="+Inf"'])} 2`, `${m.name}_sum${set()} 3.5`, `${m.name}_count${set()} 2`);
    } else {
      lines.push(`${m.name}${set()} 1`);
    }
  }
  return lines.join('\n') + '\n';
}
