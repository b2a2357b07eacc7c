// Validates parsed snapshots against schema/alignment-board.v1.schema.json with Ajv in
// strict mode (draft 2020-12, every error reported, `date` / `date-time` formats checked).
// The validator is compiled on first use and reused.

import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

export const SCHEMA_URL = new URL("../../schema/alignment-board.v1.schema.json", import.meta.url);

let compiled = null;

/** The schema as parsed JSON (read fresh each call, so callers may inspect it freely). */
export function loadSchema() {
  return JSON.parse(readFileSync(SCHEMA_URL, "utf8"));
}

/**
 * A fresh strict Ajv instance with the formats the schema uses. Union types such as
 * `["string", "null"]` are how the schema says "optional, may be null", so they are allowed;
 * every other strict check stays on.
 */
export function createAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  return ajv;
}

function validator() {
  if (compiled === null) {
    compiled = createAjv().compile(loadSchema());
  }
  return compiled;
}

/**
 * Checks one parsed snapshot. `errors` holds Ajv's error objects (`instancePath`,
 * `keyword`, `message`, ...) and is empty when `ok`.
 */
export function validateSnapshot(obj) {
  const validate = validator();
  const ok = validate(obj);
  return { ok, errors: ok ? [] : [...validate.errors] };
}
