import Ajv, { type SchemaObject, type ValidateFunction } from 'ajv';
import type { DataValidationCxt } from 'ajv/dist/types';
import { getMetadataStorage, ValidationTypes, type ValidationArguments } from 'class-validator';
import type { PayloadClass } from './event-definition';

// class-transformer keeps its decorator metadata here; the package publishes no typed entry for it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage: transformerStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: {
    findTypeMetadata(target: PayloadClass, property: string): { typeFunction?: (options?: unknown) => unknown; options?: { discriminator?: unknown } } | undefined;
    getExposedMetadatas(target: PayloadClass): unknown[];
    getExcludedMetadatas(target: PayloadClass): unknown[];
    _typeMetadatas: Map<PayloadClass, Map<string, unknown>>;
    _transformMetadatas: Map<PayloadClass, Map<string, unknown>>;
  };
};

type Metadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/** How a known property is copied onto the payload instance: as it is, or as an instance of a nested class. */
interface Shape {
  readonly payloadClass: PayloadClass;
  readonly nested: ReadonlyMap<string, Shape | null>;
}

/** Said when the data needs class-transformer's own handling; the caller then takes the class-validator path. */
export const NOT_FAST = Symbol('not-fast');

/** An event type the fast path cannot mirror exactly (a decorator it does not model). */
class Unsupported extends Error {}

// Validators delegated to class-validator's own constraint instances, referenced by index from the schema.
const delegated: Array<(value: unknown, object: object) => boolean> = [];

const ajv = new Ajv({ allErrors: false, strictTypes: false, strictTuples: false, allowUnionTypes: true });
ajv.addKeyword({
  keyword: 'x-class-validator',
  schemaType: 'number',
  errors: false,
  compile: (index: number) => {
    const check = delegated[index];
    return (value: unknown, context?: DataValidationCxt) => check(value, context?.parentData as object);
  },
});

/**
 * Built-in checks whose verdict depends on the string and the decorator's constraints alone, so it can
 * be remembered: keys and countries repeat across events, and @IsTimeZone builds an Intl.DateTimeFormat,
 * tens of µs. Bounded, so odd data cannot grow it. Not UUIDs: most ids a replay reads are new (each
 * enrolment, attendance, person...), and looking a new one up among 10,000 cost more than checking it
 * (parse and check of a completion or an attendance: 2.6 µs with, 2.3 µs without).
 */
const REMEMBERED_CHECKS = new Set(['matches', 'isISO31661Alpha2', 'isTimeZone', 'maxLength', 'minLength']);
const REMEMBERED_MAX = 10_000;

type ValueCheck = (value: unknown, object: object, checked: unknown) => boolean;

function remembered(check: ValueCheck): ValueCheck {
  const verdicts = new Map<string, boolean>();
  return (value, object, checked) => {
    if (typeof value !== 'string') return check(value, object, checked);
    let verdict = verdicts.get(value);
    if (verdict === undefined) {
      verdict = check(value, object, checked);
      if (verdicts.size < REMEMBERED_MAX) verdicts.set(value, verdict);
    }
    return verdict;
  };
}

/**
 * validator.js' strict ISO 8601 check costs about 3 µs: a long regular expression, then a Date built to
 * refuse days such as 2018-02-30. For the shape producers write (UTC, seconds, optional fraction) both
 * halves reduce to the date: every such string passes the expression, and the day check reads only
 * YYYY-MM-DD, so the verdict is the library's own verdict on that date, remembered. Other shapes ask
 * the library about the whole string.
 */
const UTC_TIMESTAMP = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/;

function byDate(check: ValueCheck): ValueCheck {
  const ofDate = remembered(check);
  return (value, object, checked) =>
    typeof value === 'string' && UTC_TIMESTAMP.test(value) ? ofDate(value.slice(0, 10), object, checked) : check(value, object, checked);
}

function isStrictIso8601Only(options: unknown): boolean {
  return typeof options === 'object' && options !== null && Object.keys(options).length === 1 && (options as { strict?: unknown }).strict === true;
}

function isPrimitiveList(values: unknown): values is Array<string | number | boolean> {
  return (
    Array.isArray(values) &&
    values.every((value) => typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))
  );
}

/**
 * The JSON Schema keywords that accept exactly what a built-in class-validator check accepts (never
 * more: ajv's `type` refuses String and Boolean objects, which only sends such data to the slow path).
 */
function nativeKeywords(metadata: Metadata): SchemaObject | undefined {
  const [constraint] = metadata.constraints ?? [];
  switch (metadata.name) {
    case 'isString':
      return { type: 'string' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isInt':
      return { type: 'integer' };
    case 'isNumber':
      return constraint && Object.keys(constraint as object).length === 0 ? { type: 'number' } : undefined;
    case 'min':
      return Number.isFinite(constraint) ? { type: 'number', minimum: constraint } : undefined;
    case 'max':
      return Number.isFinite(constraint) ? { type: 'number', maximum: constraint } : undefined;
    case 'isIn':
      return isPrimitiveList(constraint) ? { enum: constraint } : undefined;
    case 'isArray':
      return { type: 'array' };
    case 'arrayMaxSize':
      return Number.isInteger(constraint) ? { type: 'array', maxItems: constraint } : undefined;
    case 'arrayMinSize':
      return Number.isInteger(constraint) ? { type: 'array', minItems: constraint } : undefined;
    default:
      return undefined;
  }
}

/** Runs class-validator's own constraint for the checks JSON Schema cannot say exactly (UUID, ISO 8601, country...). */
function delegatedKeyword(metadata: Metadata): SchemaObject {
  if (metadata.validateIf) throw new Unsupported(`${metadata.propertyName}: validateIf`);
  const instances = getMetadataStorage()
    .getTargetValidatorConstraints(metadata.constraintCls)
    .filter((constraint) => !constraint.async) // validateSync skips asynchronous constraints too
    .map((constraint) => constraint.instance);
  let checkOne: ValueCheck = (value, object, checked) => {
    const args: ValidationArguments = {
      targetName: object.constructor ? object.constructor.name : (undefined as unknown as string),
      property: metadata.propertyName,
      object,
      value: checked,
      constraints: metadata.constraints,
    };
    return instances.every((instance) => Boolean(instance.validate(value, args)));
  };
  if (REMEMBERED_CHECKS.has(metadata.name ?? '')) checkOne = remembered(checkOne);
  if (metadata.name === 'isIso8601' && isStrictIso8601Only(metadata.constraints?.[0])) checkOne = byDate(checkOne);
  // The property's schema lets only arrays reach an `each` check, as class-validator then checks every item.
  const check = (value: unknown, object: object): boolean =>
    metadata.each && Array.isArray(value) ? value.every((item) => checkOne(item, object, value)) : checkOne(value, object, value);
  delegated.push(check);
  return { 'x-class-validator': delegated.length - 1 };
}

function hasTransformerDecorators(payloadClass: PayloadClass, known: ReadonlySet<string>): boolean {
  const typed = [...(transformerStorage._typeMetadatas.get(payloadClass)?.keys() ?? [])];
  return (
    transformerStorage.getExposedMetadatas(payloadClass).length > 0 ||
    transformerStorage.getExcludedMetadatas(payloadClass).length > 0 ||
    (transformerStorage._transformMetadatas.get(payloadClass)?.size ?? 0) > 0 ||
    typed.some((property) => !known.has(property))
  );
}

/** Builds the schema of one payload class from its class-validator decorators, refusing any it cannot mirror. */
function describeClass(payloadClass: PayloadClass, seen: ReadonlySet<PayloadClass>): { schema: SchemaObject; shape: Shape } {
  if (seen.has(payloadClass)) throw new Unsupported(`${payloadClass.name} nests itself`);
  // Inherited decorators would need the ancestors' class-transformer metadata too; no contract extends a class.
  if (Object.getPrototypeOf(payloadClass) !== Function.prototype) throw new Unsupported(`${payloadClass.name} extends a class`);
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(payloadClass, undefined as unknown as string, false, false, undefined);
  // forbidUnknownValues refuses an instance of a class without decorators, whatever it holds.
  if (metadatas.length === 0) throw new Unsupported(`${payloadClass.name} has no decorators`);
  const byProperty = new Map<string, Metadata[]>();
  for (const metadata of metadatas) byProperty.set(metadata.propertyName, [...(byProperty.get(metadata.propertyName) ?? []), metadata]);
  if (hasTransformerDecorators(payloadClass, new Set(byProperty.keys()))) throw new Unsupported(`${payloadClass.name}: class-transformer decorators`);

  const properties: Record<string, SchemaObject> = {};
  const required: string[] = [];
  const nested = new Map<string, Shape | null>();
  for (const [property, own] of byProperty) {
    // A method or accessor of that name would make class-transformer skip the property.
    if (property in payloadClass.prototype) throw new Unsupported(`${payloadClass.name}.${property} shadows the prototype`);
    let optional = false;
    let nestedMetadata: Metadata | undefined;
    const keywords: SchemaObject[] = [];
    for (const metadata of own) {
      if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION && metadata.name === 'isOptional') optional = true;
      else if (metadata.type === ValidationTypes.NESTED_VALIDATION) nestedMetadata = metadata;
      else if (metadata.type === ValidationTypes.CUSTOM_VALIDATION) {
        const native = nativeKeywords(metadata);
        if (native && metadata.each) keywords.push({ type: 'array', items: native });
        else if (native) keywords.push(native);
        else keywords.push(metadata.each ? { type: 'array', ...delegatedKeyword(metadata) } : delegatedKeyword(metadata));
      } else throw new Unsupported(`${payloadClass.name}.${property}: ${metadata.type} ${metadata.name ?? ''}`);
    }
    if (nestedMetadata) {
      const typeMetadata = transformerStorage.findTypeMetadata(payloadClass, property);
      const nestedClass = typeMetadata?.typeFunction?.();
      if (typeof nestedClass !== 'function' || typeMetadata?.options?.discriminator) {
        throw new Unsupported(`${payloadClass.name}.${property}: nested without a plain @Type`);
      }
      const inner = describeClass(nestedClass as PayloadClass, new Set([...seen, payloadClass]));
      // class-validator also takes an array for a single nested object and an object for an array;
      // the fast path takes only the declared shape and leaves the odd one to the slow path.
      keywords.push(nestedMetadata.each ? { type: 'array', items: inner.schema } : inner.schema);
      nested.set(property, inner.shape);
    } else {
      // What the builder copies as it is must be what class-transformer copies as it is: JSON scalars
      // and arrays of them (objects there would be deep-copied, so they go the slow path).
      keywords.push({ type: ['string', 'number', 'boolean', 'null', 'array'], items: { type: ['string', 'number', 'boolean', 'null'] } });
      nested.set(property, null);
    }
    const checks: SchemaObject = { allOf: keywords };
    properties[property] = optional ? { anyOf: [{ type: 'null' }, checks] } : checks;
    if (!optional) required.push(property);
  }
  return { schema: { type: 'object', properties, required }, shape: { payloadClass, nested } };
}

/** Whether class-transformer would copy this unknown value without side effects or errors (it is then stripped). */
function copiesQuietly(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) return value.every(copiesQuietly);
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  // class-transformer instantiates `value.constructor` and awaits a `then`: a JSON object may carry either key.
  if (Object.prototype.hasOwnProperty.call(value, 'constructor') || typeof (value as { then?: unknown }).then === 'function') return false;
  return Object.values(value).every(copiesQuietly);
}

function buildsLikeTransformer(value: object, payloadClass: PayloadClass): boolean {
  const prototype = Object.getPrototypeOf(value);
  return (
    (prototype === Object.prototype || prototype === null || prototype === payloadClass.prototype) &&
    typeof (value as { then?: unknown }).then !== 'function'
  );
}

/**
 * The payload class instance that plainToInstance followed by class-validator's whitelist would give:
 * a new instance holding the known properties in the data's order, nested classes built the same way,
 * arrays copied. NOT_FAST when class-transformer would do anything else with this data.
 */
function build(shape: Shape, data: object): object | typeof NOT_FAST {
  if (!buildsLikeTransformer(data, shape.payloadClass)) return NOT_FAST;
  const target = new shape.payloadClass() as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    const value = (data as Record<string, unknown>)[key];
    const nested = shape.nested.get(key);
    if (nested === undefined) {
      if (!copiesQuietly(value)) return NOT_FAST;
      droppedUnknown = true;
    } else if (Array.isArray(value)) {
      const items: unknown[] = [];
      for (let index = 0; index < value.length; index += 1) {
        const item: unknown = value[index];
        const built = nested && typeof item === 'object' && item !== null && !Array.isArray(item) ? build(nested, item) : item;
        if (built === NOT_FAST) return NOT_FAST;
        items.push(built);
      }
      target[key] = items;
    } else if (nested && typeof value === 'object' && value !== null) {
      const built = build(nested, value);
      if (built === NOT_FAST) return NOT_FAST;
      target[key] = built;
    } else {
      target[key] = value;
    }
  }
  return target;
}

/** Whether the build under way left out a property the class does not know (build is synchronous). */
let droppedUnknown = false;

/** What the fast path accepted: the payload, and whether it holds every property of the data (none was unknown). */
export interface FastPayload {
  readonly payload: object;
  readonly asGiven: boolean;
}

export interface FastPath {
  /** The accepted payload, or NOT_FAST when the data must go through class-transformer and class-validator. */
  check(data: object): FastPayload | typeof NOT_FAST;
}

/**
 * Compiles the fast path of one payload class, or says why it has none. The fast path may only accept
 * what class-validator accepts, with the same resulting instance; anything it refuses or cannot mirror
 * is left to the class-validator path, so the problems reported never change.
 */
export function compileFastPath(payloadClass: PayloadClass): FastPath | { unsupported: string } {
  let described: { schema: SchemaObject; shape: Shape };
  try {
    described = describeClass(payloadClass, new Set());
  } catch (error) {
    if (error instanceof Unsupported) return { unsupported: error.message };
    throw error;
  }
  const { schema, shape } = described;
  const validate: ValidateFunction = ajv.compile(schema);
  return {
    check(data) {
      droppedUnknown = false;
      const built = build(shape, data);
      return built !== NOT_FAST && validate(built) ? { payload: built, asGiven: !droppedUnknown } : NOT_FAST;
    },
  };
}
