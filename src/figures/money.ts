// Money units of the reports and exact conversion between them. Reports keep
// the unit they were published in (万元 mostly, sometimes 元 or 亿元); totals
// over several reports are in 万元.
import { shift } from '../lib/decimal.ts';

export const MONEY_UNITS = ['万元', '元', '亿元'] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];

/** Each unit as a power of ten of 万元. */
const EXPONENT: Readonly<Record<MoneyUnit, number>> = { 元: -4, 万元: 0, 亿元: 4 };

export const isMoneyUnit = (unit: string): unit is MoneyUnit => Object.hasOwn(EXPONENT, unit);

/** The same amount in another unit, exactly ("1102.8" 万元 → "0.11028" 亿元); undefined for a unit that is not money. */
export function convertMoney(value: string, from: string, to: string): string | undefined {
  if (!isMoneyUnit(from) || !isMoneyUnit(to)) return undefined;
  return from === to ? value : shift(value, EXPONENT[from] - EXPONENT[to]);
}

/** An amount in 万元, whatever unit the report uses. */
export function inWanYuan(value: string, unit: string): string {
  const converted = convertMoney(value, unit, '万元');
  if (converted === undefined) throw new Error(`unknown money unit ${unit}`);
  return converted;
}
