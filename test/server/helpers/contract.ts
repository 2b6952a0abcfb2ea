// The OpenAPI document as a test oracle: every response a test receives from a documented path
// is checked against the schema for its path, method and status, so each test also asserts
// the contract without saying so.
import { readFileSync } from 'node:fs';
import { AssertionError } from 'node:assert';
import { compileErrors, dereference, validate } from '@readme/openapi-parser';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

type Json = Record<string, unknown>;
interface MediaType {
  schema?: Json;
}
interface HeaderObject {
  required?: boolean;
  schema?: Json;
}
interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject>;
  content?: Record<string, MediaType>;
}
interface Operation {
  responses: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

const DOC_URL = new URL('../../../docs/openapi.yaml', import.meta.url);

/** The document as written (YAML parsed, $refs intact). */
export const readOpenApi = (): OpenApiDocument => parse(readFileSync(DOC_URL, 'utf8')) as OpenApiDocument;

/** Fails with the parser's own report when the document is not valid OpenAPI. */
export async function assertValidOpenApi(): Promise<void> {
  const result = await validate(readOpenApi() as never);
  if (!result.valid)
    throw new AssertionError({ message: `docs/openapi.yaml is not valid OpenAPI:\n${compileErrors(result)}` });
}

export interface Contract {
  /** Throws when the response breaks the contract; paths the document does not have are not checked. */
  check(method: string, path: string, response: { status: number; headers: Headers; text: string }): void;
  /** "GET /v1/me 200" for every response checked so far. */
  covered: Set<string>;
}

let contract: Promise<Contract> | undefined;

export function loadContract(): Promise<Contract> {
  contract ??= build();
  return contract;
}

async function build(): Promise<Contract> {
  await assertValidOpenApi();
  const doc = (await dereference(readOpenApi() as never)) as unknown as OpenApiDocument;
  const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allErrors: true });
  addFormats(ajv);
  const compiled = new Map<object, ValidateFunction>();
  const validator = (schema: Json) => {
    let fn = compiled.get(schema);
    if (!fn) compiled.set(schema, (fn = ajv.compile(schema)));
    return fn;
  };
  const covered = new Set<string>();

  return {
    covered,
    check(method, path, { status, headers, text }) {
      const operation = doc.paths[path]?.[method.toLowerCase()];
      if (!operation) return;
      const where = `${method} ${path} → ${status}`;
      const fail = (message: string) => {
        throw new AssertionError({ message: `Contract: ${where}: ${message}\n${text.slice(0, 2000)}` });
      };
      const response = operation.responses[String(status)];
      if (!response) return fail(`status ${status} is not documented`);
      covered.add(`${method.toUpperCase()} ${path} ${status}`);

      for (const [name, header] of Object.entries(response.headers ?? {})) {
        const value = headers.get(name);
        if (value === null) {
          if (header.required) fail(`the ${name} header is required`);
          continue;
        }
        if (header.schema) {
          const typed = header.schema.type === 'integer' ? Number(value) : value;
          const check = validator(header.schema);
          if (!check(typed)) fail(`header ${name}: ${value} ${ajv.errorsText(check.errors)}`);
        }
      }

      const contentType = headers.get('Content-Type')?.split(';')[0]?.trim();
      if (!response.content) {
        if (text !== '') fail('no body is documented but one was sent');
        return;
      }
      const media = contentType ? response.content[contentType] : undefined;
      if (!media) return fail(`content type ${contentType} is not one of ${Object.keys(response.content).join(', ')}`);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return fail('the body is not JSON');
      }
      if (media.schema) {
        const check = validator(media.schema);
        if (!check(body)) fail(ajv.errorsText(check.errors, { separator: '\n  ' }));
      }
    },
  };
}
