/**
 * Document variables as REFI-QDA `Variable`s: each gets the narrowest type all its values fit
 * (Boolean, Integer, Float, Date, else Text), so other programs can sort and filter on them.
 */
import type { Attributes, XmlWriter } from './xml';

export type VariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date';

const TESTS: [VariableType, RegExp][] = [
  ['Boolean', /^(true|false)$/],
  ['Integer', /^-?\d{1,15}$/],
  ['Float', /^-?\d{1,15}\.\d{1,15}$/],
  ['Date', /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/],
];

export function variableType(values: readonly string[]): VariableType {
  const present = values.filter((v) => v !== '');
  if (present.length === 0) return 'Text';
  for (const [type, re] of TESTS) if (present.every((v) => re.test(v) && (type !== 'Date' || isRealDate(v)))) return type;
  return 'Text';
}

function isRealDate(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

const VALUE_ELEMENT: Record<VariableType, string> = {
  Text: 'TextValue',
  Boolean: 'BooleanValue',
  Integer: 'IntegerValue',
  Float: 'FloatValue',
  Date: 'DateValue',
};

export function writeVariableValue(w: XmlWriter, variableGuid: string, type: VariableType, value: string): void {
  w.start('VariableValue');
  w.empty('VariableRef', [['targetGUID', variableGuid]] as Attributes);
  w.textElement(VALUE_ELEMENT[type], value);
  w.end();
}

/** The elements a VariableValue may hold its value in. */
export const VALUE_ELEMENTS = ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue'];
