/**
 * The typed facades the generated module exposes prom-client metrics through. prom-client accepts
 * any label name with any string value; these interfaces only accept the spec's label names and,
 * where the spec enumerates them, its values, so instrumenting with a wrong label is a type error.
 */
export const FACADES = `/** A counter without labels. */
export interface PlainCounter {
  inc(value?: number): void;
}

/** A counter whose every increment names all of its labels. */
export interface LabelledCounter<L> {
  inc(labels: L, value?: number): void;
}

/** A gauge without labels. */
export interface PlainGauge {
  set(value: number): void;
  inc(value?: number): void;
  dec(value?: number): void;
}

/** A gauge whose every update names all of its labels. */
export interface LabelledGauge<L> {
  set(labels: L, value: number): void;
  inc(labels: L, value?: number): void;
  dec(labels: L, value?: number): void;
}

/** A histogram or summary without labels. */
export interface PlainObserver {
  observe(value: number): void;
}

/** A histogram or summary whose every observation names all of its labels. */
export interface LabelledObserver<L> {
  observe(labels: L, value: number): void;
}
`;
