// (De)serialising the NLU model as compact JSON: the large numeric arrays as base64 of their float32 bytes
// (exact round trip, a quarter of the size of decimal text).
import type { ClassifierModel } from './classifier';
import type { UnderstanderModel } from './understander';

// The format names how text is read too: a model trained before masking (mask.ts, version 2) reads words differently
// from today's classifier, so its cache file is refused and retrained, whatever the knowledge hash says.
const FORMAT = 'backup-helpdesk-nlu/2';

const encode = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function decode(text: unknown, what: string): Float32Array {
  if (typeof text !== 'string') throw new Error(`NLU model: ${what} is missing`);
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength % 4 !== 0) throw new Error(`NLU model: ${what} is not float32 data`);
  // Copy into an aligned buffer: Buffer slices may start at any byte offset.
  const out = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

export function serializeModel(model: UnderstanderModel): string {
  const c = model.classifier;
  return JSON.stringify({
    format: FORMAT,
    knowledgeHash: model.knowledgeHash,
    classifier: { ...c, features: { ...c.features, idf: encode(c.features.idf) }, weights: encode(c.weights), bias: encode(c.bias) },
  });
}

/** Parses and checks a serialised model; throws a readable error on anything malformed (the caller then retrains). */
export function deserializeModel(json: string): UnderstanderModel {
  const raw = JSON.parse(json) as Record<string, unknown>;
  if (raw.format !== FORMAT) throw new Error(`NLU model: unknown format ${String(raw.format)}`);
  const c = raw.classifier as Record<string, unknown> & { features: Record<string, unknown> };
  if (typeof raw.knowledgeHash !== 'string' || typeof c !== 'object' || c === null || typeof c.features !== 'object') {
    throw new Error('NLU model: missing knowledge hash or classifier');
  }
  const labels = c.labels as string[];
  const terms = c.features.terms as string[];
  const classifier = {
    ...c,
    features: { ...c.features, idf: decode(c.features.idf, 'idf') },
    weights: decode(c.weights, 'weights'),
    bias: decode(c.bias, 'bias'),
  } as unknown as ClassifierModel;
  if (!Array.isArray(labels) || !Array.isArray(terms) || classifier.weights.length !== labels.length * terms.length
    || classifier.bias.length !== labels.length || classifier.features.idf.length !== terms.length || !Array.isArray(classifier.vocabulary)) {
    throw new Error('NLU model: array sizes do not match');
  }
  return { version: 1, knowledgeHash: raw.knowledgeHash, classifier };
}
