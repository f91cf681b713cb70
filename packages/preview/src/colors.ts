/**
 * Grafana's dark theme colours: the named colours thresholds and value mappings use, the classic
 * palette series take in order, and the panel chrome.
 * Source: Grafana's theme (packages/grafana-data/src/themes/palette.ts and createVisualizationColors.ts).
 */

const NAMED: Readonly<Record<string, string>> = {
  green: '#73BF69',
  yellow: '#FADE2A',
  red: '#F2495C',
  orange: '#FF9830',
  blue: '#5794F2',
  purple: '#B877D9',
  'dark-green': '#37872D',
  'dark-red': '#C4162A',
  'dark-yellow': '#E0B400',
  text: '#CCCCDC',
};

/** Grafana's "classic palette" (palette-classic), in order. */
const PALETTE = ['#7EB26D', '#EAB839', '#6ED0E0', '#EF843C', '#E24D42', '#1F78C1', '#BA43A9', '#705DA0', '#508642', '#CCA300'] as const;

export const THEME = {
  background: '#111217',
  panel: '#181B1F',
  border: '#2C3235',
  text: '#CCCCDC',
  weak: '#8E8E8E',
  grid: '#2A2D33',
  sample: '#FF9830',
} as const;

/** A colour as written in a spec or threshold step (a Grafana name or a CSS colour) as a hex/CSS colour. */
export function colour(name: string): string {
  return NAMED[name] ?? name;
}

export function seriesColour(index: number): string {
  return PALETTE[index % PALETTE.length] ?? PALETTE[0];
}
