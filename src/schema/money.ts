// Figures as exact decimals. YAML hands us numbers (825.75) or strings
// ("826.00" when trailing zeros matter); both become the canonical decimal
// string the model stores, so no figure is ever a float. A figure the
// original does not state is written 原文未载 and held as null (see
// src/figures/not-stated.ts): required figures may be 原文未载, never invented.
import { z } from 'astro/zod';
import { NOT_STATED } from '../figures/not-stated.ts';
import { isCanonicalDecimal, scaleOf } from '../lib/decimal.ts';
import { normaliseNumberText, numberToDecimalText, toHalfWidthDigits } from '../lib/numbers.ts';

/** Metadata key telling json-schema.ts how to describe a figure to editors. */
export const JSON_KIND = 'x-gongkai-kind';

const DECIMAL = '^\\d+(\\.\\d+)?$';
const SIGNED_DECIMAL = '^-?\\d+(\\.\\d+)?$';

/**
 * What staff may type for each kind of value, as JSON Schema. Carried in the
 * zod metadata too, so every JSON Schema made from these zod schemas (ours in
 * json-schema.ts, and the one Astro's editor support generates for MDX
 * frontmatter) holds the same constraints.
 */
const NOT_STATED_FORM = { const: NOT_STATED, description: '原文没有写这个数（网页显示“原文未写”）' };
const DATE_FORM = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

export const JSON_FORMS: Record<string, Record<string, unknown>> = {
  decimal: {
    anyOf: [{ type: 'number', minimum: 0 }, { type: 'string', pattern: DECIMAL }, NOT_STATED_FORM],
  },
  'signed-decimal': { anyOf: [{ type: 'number' }, { type: 'string', pattern: SIGNED_DECIMAL }, NOT_STATED_FORM] },
  integer: {
    anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: '^\\d+$' }, NOT_STATED_FORM],
  },
  date: { anyOf: [DATE_FORM] },
  'date-or-not-stated': { anyOf: [DATE_FORM, { ...NOT_STATED_FORM, description: '原文没有写成文日期' }] },
};

/**
 * The same kinds as the published data holds them (/data/*.json): every
 * figure is a string with the exact decimal as published ("825.75", "826.00"),
 * never a binary floating-point number; dates are YYYY-MM-DD strings; a value
 * the original does not state (原文未载) is published as null.
 */
const NOT_STATED_DATA = { type: 'null', description: '原文没有写这个数（原文未载）' };

export const JSON_DATA_FORMS: Record<string, Record<string, unknown>> = {
  decimal: { anyOf: [{ type: 'string', pattern: DECIMAL, examples: ['825.75'] }, NOT_STATED_DATA] },
  'signed-decimal': { anyOf: [{ type: 'string', pattern: SIGNED_DECIMAL, examples: ['-3.5'] }, NOT_STATED_DATA] },
  integer: { anyOf: [{ type: 'string', pattern: '^\\d+$', examples: ['23'] }, NOT_STATED_DATA] },
  date: DATE_FORM,
  'date-or-not-stated': { anyOf: [DATE_FORM, { ...NOT_STATED_DATA, description: '原文没有写成文日期' }] },
};

/** Issue parameters our error map understands (see errors.ts). */
export interface FigureIssueParams {
  rule: 'schema.number-format';
  suggestion?: string | undefined;
}

interface DecimalOptions {
  title: string;
  description?: string;
  /** Allow a leading minus sign (growth rates may fall). */
  signed?: boolean;
  integer?: boolean;
  maxScale?: number;
}

const MAX_SCALE = 6;

function decimal(options: DecimalOptions) {
  const { title, signed = false, integer = false, maxScale = MAX_SCALE } = options;
  const kind = integer ? '整数' : '数字';
  return z
    .union([z.number(), z.string()], {
      error: () =>
        `应填写${kind}（例如 ${integer ? '23' : '825.75'}），不要留空或写成文字；原文没有写这个数时填 ${NOT_STATED}`,
    })
    .transform((input, ctx): string | null => {
      const fail = (message: string, suggestion?: string): never => {
        ctx.addIssue({
          code: 'custom',
          message,
          params: { rule: 'schema.number-format', suggestion } satisfies FigureIssueParams,
        });
        return z.NEVER;
      };
      let text: string;
      if (typeof input === 'number') {
        if (!Number.isFinite(input)) return fail(`应填写${kind}`);
        text = numberToDecimalText(input);
      } else {
        text = input.trim();
        if (text === NOT_STATED) return null;
        if (!isCanonicalDecimal(text)) return fail(...explainNonCanonical(text, kind));
      }
      if (!signed && text.startsWith('-')) return fail(`不能为负数（填写的是 ${text}）`);
      if (integer && text.includes('.')) return fail(`应为整数（填写的是 ${text}）`);
      if (scaleOf(text) > maxScale) return fail(`小数位数过多（最多 ${maxScale} 位）：${text}`);
      return text;
    })
    .meta({
      title,
      ...(options.description ? { description: options.description } : {}),
      [JSON_KIND]: integer ? 'integer' : signed ? 'signed-decimal' : 'decimal',
      ...JSON_FORMS[integer ? 'integer' : signed ? 'signed-decimal' : 'decimal'],
    });
}

/** Why a typed-in number is not canonical, and the value to write instead. */
function explainNonCanonical(text: string, kind: string): [message: string, suggestion?: string] {
  const normal = normaliseNumberText(text);
  if (normal !== null) {
    if (toHalfWidthDigits(text) !== text) return [`“${text}”用了全角数字，请改用半角数字：${normal}`, normal];
    return [`“${text}”带千位分隔符，请去掉逗号：${normal}`, normal];
  }
  const withoutPercent = normaliseNumberText(text.replace(/[%％]$/, ''));
  if (withoutPercent !== null && /[%％]$/.test(text))
    return [`“${text}”不要带百分号，只写数字：${withoutPercent}`, withoutPercent];
  if (/^[-\d.,，０-９．]+\s*(万元|亿元|元|人|家|个|分)$/.test(text))
    return [`“${text}”只写数字，不要带单位（单位另有字段）`];
  if (/^原文(?:未|没有?)(?:载|写|记载|列明)|^(?:无|未载|未写|不详|空)$/.test(text))
    return [`“${text}”：原文没有写这个数时，请照写 ${NOT_STATED}`, NOT_STATED];
  return [`“${text}”不是${kind}；原文没有写这个数时填 ${NOT_STATED}`];
}

/** A non-negative amount of money in the report's unit (万元 unless stated). */
export const amount = (title: string, description?: string) =>
  decimal({ title, description: description ?? `${title}（金额，半角数字，例如 825.75）` });

/** A percentage as stated in the text, without the % sign: 101.25 means 101.25 %. */
export const percentage = (title: string, description?: string) =>
  decimal({ title, description: description ?? `${title}（百分数，只写数字，例如 101.25）` });

/** A change that may be negative, in percent (同比增长 -3.5). */
export const signedPercentage = (title: string) =>
  decimal({ title, signed: true, description: `${title}（百分数，可为负，例如 -3.5）` });

/** A quantity (家, 个, 座, 公里, 万元 …): non-negative decimal. */
export const quantity = (title: string) => decimal({ title });

/** A head count or project count. */
export const count = (title: string) => decimal({ title, integer: true, description: `${title}（整数）` });
