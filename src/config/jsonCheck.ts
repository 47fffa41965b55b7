// Checks a parsed JSON value against the small part of JSON Schema moor's files use (type, enum, properties,
// required, additionalProperties, items, minItems, uniqueItems, minimum, maximum, minLength, pattern), so that
// reading a file costs a parse and a walk. conf, which compiles the same schemas with ajv, is loaded only to write.
// test/unit/config/jsonCheck.test.ts holds it to ajv's verdicts on random values.

export type Schema = Readonly<Record<string, unknown>>;

/** The first problem found, as "path: what is wrong", or undefined when the value fits. */
export function schemaProblem(value: unknown, schema: Schema, path = "value"): string | undefined {
  const type = schema.type;
  if (typeof type === "string" && !hasType(value, type)) return `${path} must be ${article(type)}`;
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    return `${path} must be one of ${schema.enum.map((item) => JSON.stringify(item)).join(", ")}`;
  if (typeof value === "string") return stringProblem(value, schema, path);
  if (typeof value === "number") return numberProblem(value, schema, path);
  if (Array.isArray(value)) return arrayProblem(value, schema, path);
  if (isObject(value)) return objectProblem(value, schema, path);
  return undefined;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case "object":
      return isObject(value);
    case "array":
      return Array.isArray(value);
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "null":
      return value === null;
    default:
      return typeof value === type;
  }
}

function stringProblem(value: string, schema: Schema, path: string): string | undefined {
  if (typeof schema.minLength === "number" && [...value].length < schema.minLength)
    return `${path} must have at least ${String(schema.minLength)} character${schema.minLength === 1 ? "" : "s"}`;
  if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value))
    return `${path} must match ${schema.pattern}`;
  return undefined;
}

function numberProblem(value: number, schema: Schema, path: string): string | undefined {
  if (typeof schema.minimum === "number" && value < schema.minimum)
    return `${path} must be ≥ ${String(schema.minimum)}`;
  if (typeof schema.maximum === "number" && value > schema.maximum)
    return `${path} must be ≤ ${String(schema.maximum)}`;
  return undefined;
}

function arrayProblem(value: readonly unknown[], schema: Schema, path: string): string | undefined {
  if (typeof schema.minItems === "number" && value.length < schema.minItems)
    return `${path} must have at least ${String(schema.minItems)} item${schema.minItems === 1 ? "" : "s"}`;
  if (schema.uniqueItems === true) {
    const seen = new Set<string>();
    for (const item of value) {
      const key = JSON.stringify(item);
      if (seen.has(key)) return `${path} must not repeat ${key}`;
      seen.add(key);
    }
  }
  if (isObject(schema.items)) {
    for (const [index, item] of value.entries()) {
      const problem = schemaProblem(item, schema.items, `${path}[${String(index)}]`);
      if (problem !== undefined) return problem;
    }
  }
  return undefined;
}

function objectProblem(value: Readonly<Record<string, unknown>>, schema: Schema, path: string): string | undefined {
  const properties = isObject(schema.properties) ? schema.properties : {};
  for (const key of Array.isArray(schema.required) ? schema.required : []) {
    if (typeof key === "string" && !Object.hasOwn(value, key)) return `${path} must have "${key}"`;
  }
  for (const [key, item] of Object.entries(value)) {
    const where = `${path}.${key}`;
    const own = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (isObject(own)) {
      const problem = schemaProblem(item, own, where);
      if (problem !== undefined) return problem;
    } else if (schema.additionalProperties === false) {
      return `${path} must not have "${key}"`;
    } else if (isObject(schema.additionalProperties)) {
      const problem = schemaProblem(item, schema.additionalProperties, where);
      if (problem !== undefined) return problem;
    }
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const article = (type: string): string => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
