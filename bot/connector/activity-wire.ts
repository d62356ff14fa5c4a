// An activity as the Connector API's own client writes it on the wire, without @azure/core-client: the same mappers
// (botframework-connector's), the same rules — only the properties a model declares, null kept and undefined left out, dates as ISO strings, a mistyped value refused — walked by a small precompiled
// plan instead of the generic serializer (a tenth of a bot turn's CPU in `npm run bench`'s profile).
import * as Mappers from 'botframework-connector/lib/connectorApi/models/mappers';

interface Mapper {
  readonly serializedName?: string;
  readonly readOnly?: boolean;
  readonly type: {
    readonly name: string;
    readonly className?: string;
    readonly modelProperties?: Readonly<Record<string, Mapper>>;
    readonly additionalProperties?: Mapper;
    readonly element?: Mapper;
    readonly value?: Mapper;
  };
}

type Write = (value: unknown, path: string) => unknown;

const models = Mappers as unknown as Readonly<Record<string, Mapper>>;
const plans = new Map<string, Write>();

/** botbuilder's serializer messages, word for word (a failed reply's log line reads the same). */
function refuse(path: string, message: string): never {
  throw new Error(`${path} ${message}`);
}

const basic = (kind: 'string' | 'number' | 'boolean'): Write => (value, path) => {
  if (typeof (kind === 'string' ? (value as { valueOf(): unknown }).valueOf() : value) !== kind) {
    refuse(path, `with value ${kind === 'string' ? `"${String(value)}"` : String(value)} must be of type ${kind}.`);
  }
  return value;
};

const dateTime: Write = (value, path) => {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  return refuse(path, 'must be an instanceof Date or a string in ISO8601 format.');
};

/** The writer for one mapper; null and undefined pass through (JSON.stringify then keeps null, drops undefined). */
function writerOf(mapper: Mapper): Write {
  const write = baseWriterOf(mapper);
  return (value, path) => (value === undefined || value === null ? value : write(value, path));
}

function baseWriterOf(mapper: Mapper): Write {
  switch (mapper.type.name) {
    case 'String': return basic('string');
    case 'Number': return basic('number');
    case 'Boolean': return basic('boolean');
    case 'DateTime': return dateTime;
    case 'Sequence': {
      // Like botbuilder's serializer: a composite element is written by its model's full mapper (so an Entity's
      // inline "additional properties" are not kept: only type, text and mentioned go out).
      const inline = mapper.type.element;
      const element = lazyWriter((inline?.type.name === 'Composite' && inline.type.className && models[inline.type.className]) || inline);
      return (value, path) => (Array.isArray(value) ? value.map((item) => element(item, path)) : refuse(path, 'must be of type Array.'));
    }
    case 'Dictionary': {
      const entry = lazyWriter(mapper.type.value);
      return (value, path) => (typeof value === 'object' ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, entry(v, path)])) : refuse(path, 'must be of type object.'));
    }
    case 'Composite': return compositeWriter(mapper);
    case 'Object': return (value) => value;
    default: throw new Error(`activity-wire: no writer for mapper type ${mapper.type.name}`);
  }
}

/** Composite plans are built on first use and shared (models refer to each other, e.g. Activity → CardAction). */
function lazyWriter(mapper: Mapper | undefined): Write {
  if (!mapper) throw new Error('activity-wire: a sequence or dictionary mapper without its element');
  let write: Write | undefined;
  return (value, path) => (write ??= writerOf(mapper))(value, path);
}

function compositeWriter(mapper: Mapper): Write {
  const className = mapper.type.className ?? '';
  const model = mapper.type.modelProperties ? mapper : models[className];
  const keepsOthers = Boolean(mapper.type.additionalProperties ?? model?.type.additionalProperties);
  const planKey = `${className}|${keepsOthers}`;
  const cached = plans.get(planKey);
  if (cached) return cached;
  const properties = Object.entries(model?.type.modelProperties ?? {}).filter(([, p]) => !p.readOnly)
    .map(([key, p]) => ({ key, name: p.serializedName ?? key, write: lazyWriter(p) }));
  const additional = keepsOthers ? new Set(properties.map((p) => p.key)) : undefined;
  const write: Write = (value, path) => {
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const p of properties) {
      const v = source[p.key];
      if (v !== undefined) out[p.name] = p.write(v, `${path}.${p.name}`);
    }
    if (additional) for (const key of Object.keys(source)) if (!additional.has(key) && source[key] !== undefined) out[key] = source[key];
    return out;
  };
  if (className) plans.set(planKey, write);
  return write;
}

const activityWriter = writerOf(models.Activity);

/** The request body of sendToConversation / replyToActivity for this activity, serialised once. */
export function activityJson(activity: unknown): string {
  try {
    if (activity === undefined || activity === null) throw new Error('activity cannot be null or undefined.');
    return JSON.stringify(activityWriter(activity, 'activity'));
  } catch (err) {
    throw new Error(`Error "${err instanceof Error ? err.message : String(err)}" occurred in serializing the payload - "Activity".`);
  }
}
