import { describe, expect, it } from 'vitest';
import { renderAlertTemplate, UnsupportedTemplate } from './go-template.js';

describe('alert template rendering', () => {
  it('renders $value pipelines, calls and $labels', () => {
    expect(renderAlertTemplate('{{ $labels.instance }} is {{ $value | humanizePercentage }} used', 0.945, { instance: 'p-0' })).toBe('p-0 is 94.5% used');
    expect(renderAlertTemplate('{{ humanize $value }} and {{ $value }} and {{ $value | printf "%.2f" }}', 1234.5, {})).toBe('1.234k and 1234.5 and 1234.50');
    expect(renderAlertTemplate('a {{- $value }}', 1, {})).toBe('a1');
  });
  it('refuses what it cannot render exactly', () => {
    expect(() => renderAlertTemplate('{{ range $labels }}x{{ end }}', 1, {})).toThrow(UnsupportedTemplate);
    expect(() => renderAlertTemplate('{{ $value ', 1, {})).toThrow(UnsupportedTemplate);
  });
  it('renders if/else/with over comparisons as Go does', () => {
    const t = '{{ if gt $value 0.9 }}high{{ else if and (gt $value 0.5) (ne $labels.tier "free") }}raised{{ else }}low{{ end }}{{ with $labels.instance }} on {{ . | toUpper }}{{ end }}';
    expect(renderAlertTemplate(t, 0.95, {})).toBe('high');
    expect(renderAlertTemplate(t, 0.6, { tier: 'pro', instance: 'p-0' })).toBe('raised on P-0');
    expect(renderAlertTemplate(t, 0.6, { tier: 'free' })).toBe('low');
    expect(() => renderAlertTemplate('{{ if gt $value "1" }}x{{ end }}', 1, {})).toThrow(UnsupportedTemplate);
  });
  it('reads text and actions as Go does (quoted delimiters, comments, trim markers)', () => {
    expect(renderAlertTemplate('a {{- /* note */ -}} b {{ "}}" }} {{ $labels.x -}} !', 1, { x: 'X' })).toBe('ab }} X!');
  });
});

describe('names that match JavaScript built-ins (issue #13)', () => {
  it('a function named after an Object.prototype member is not a function', () => {
    for (const name of ['toString', 'constructor', 'valueOf', 'hasOwnProperty']) {
      expect(() => renderAlertTemplate(`{{ $value | ${name} }}`, 1, {}), name).toThrow(UnsupportedTemplate);
    }
  });
  it('a label named after one is an absent label, as in Prometheus', () => {
    expect(renderAlertTemplate('[{{ $labels.constructor }}][{{ $labels.toString }}]', 1, {})).toBe('[][]');
    expect(renderAlertTemplate('[{{ $labels.constructor }}]', 1, { constructor: 'c' })).toBe('[c]');
  });
});
