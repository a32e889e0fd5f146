// How figures read in Chinese text: the number as published, then its unit.

export function withUnit(value: string, unit: string): string {
  return `${value}${unit}`;
}

export function asPercent(value: string): string {
  return `${value}%`;
}
