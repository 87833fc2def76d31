// The fixed vocabulary a rule set may use: escalation targets, facts and operators. Rules are
// data, and so are the parties (each rule set declares its own, with names); these names and the
// operators' meaning are code.
import { FIELD_KINDS, type SituationField } from './situation.js';
import type { DerivedFacts } from './facts.js';

/** A party id: declared as data by the rule set (`parties`), never a fixed list in code. */
export type Party = string;

/** The ketenpartners the law names as the ones to report to; a rule set must also declare each as a party. */
export const ESCALATION_TARGETS = ['leerplicht', 'rmc', 'onderwijsconsulent', 'onderwijszorgconsulent', 'veilig-thuis'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

/**
 * The day an escalation's term counts from (`deadline.from`): the reference date, or the day the
 * 16 hours were reached — which falls back to the reference date when the situation does not give it.
 */
export const DEADLINE_FROM = ['referenceDate', 'unexcusedHoursReachedOn'] as const;
export type DeadlineFrom = (typeof DEADLINE_FROM)[number];

/**
 * The day a step's term counts from (an inform's `deadline.from`): the reference date, or the school
 * day on which the rule's condition first held (`reachedOn`; found from the registrations, or given in
 * the situation, else the reference date).
 */
export const INFORM_DEADLINE_FROM = ['referenceDate', 'reachedOn'] as const;
export type InformDeadlineFrom = (typeof INFORM_DEADLINE_FROM)[number];

export const PARENT_INVOLVEMENT = ['yes', 'no', 'student-decides'] as const;
export type ParentInvolvement = (typeof PARENT_INVOLVEMENT)[number];

export type FactType =
  | { type: 'number' }
  | { type: 'boolean'; nullable: boolean }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'list'; values: readonly string[] };

export type DerivedFactName = keyof DerivedFacts;
/** Dates are not facts (a rule must not single out a day); a student number is not one either. */
export type FactName = Exclude<SituationField, 'studentRef' | 'referenceDate' | 'birthDate' | 'unexcusedHoursReachedOn' | 'reachedOn'> | DerivedFactName;

const DERIVED_FACT_TYPES: { readonly [K in DerivedFactName]: FactType } = {
  age: { type: 'number' },
  leerplicht: { type: 'enum', values: ['volledig', 'kwalificatieplicht', 'geen'] },
  leerplichtig: { type: 'boolean', nullable: false },
  rmc: { type: 'boolean', nullable: false },
  thuiszitter: { type: 'boolean', nullable: false },
};

function situationFactTypes(): Record<string, FactType> {
  const out: Record<string, FactType> = {};
  for (const [name, spec] of Object.entries(FIELD_KINDS)) {
    switch (spec.kind) {
      case 'boolean':
        out[name] = { type: 'boolean', nullable: false };
        break;
      case 'nullableBoolean':
        out[name] = { type: 'boolean', nullable: true };
        break;
      case 'count':
      case 'amount':
        out[name] = { type: 'number' };
        break;
      case 'enum':
        out[name] = { type: 'enum', values: spec.values };
        break;
      case 'enumList':
        out[name] = { type: 'list', values: spec.values };
        break;
      default:
        // identifiers and dates are not facts: a rule must not single out a student or a day
        break;
    }
  }
  return out;
}

/** Every fact a rule condition may name, with its type. */
export const FACT_TYPES: Readonly<Record<string, FactType>> = { ...situationFactTypes(), ...DERIVED_FACT_TYPES };

export function isDerivedFact(name: string): name is DerivedFactName {
  return Object.hasOwn(DERIVED_FACT_TYPES, name);
}

export const OPERATORS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'notIn', 'includes', 'isEmpty', 'notEmpty'] as const;
export type Operator = (typeof OPERATORS)[number];

/** Which fact types each operator works on. */
export const OPERATOR_FACT_TYPES: { readonly [K in Operator]: readonly FactType['type'][] } = {
  eq: ['number', 'boolean', 'enum'],
  ne: ['number', 'boolean', 'enum'],
  lt: ['number'],
  lte: ['number'],
  gt: ['number'],
  gte: ['number'],
  in: ['enum'],
  notIn: ['enum'],
  includes: ['list'],
  isEmpty: ['list'],
  notEmpty: ['list'],
};
