// The snapshot JSON Schema (schema/alignment-board.v1.schema.json): it compiles in Ajv's
// strict mode, accepts the documented example (tests/fixtures/snapshot-md-example.alignment.json) and the smallest document the
// reader accepts, and refuses broken documents at the path the reader would name.
// Run: node --test tests/schema.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createAjv, loadSchema, validateSnapshot } from "./support/schema.mjs";

const FIXTURE = JSON.parse(
  readFileSync(new URL("./fixtures/snapshot-md-example.alignment.json", import.meta.url), "utf8"),
);

/** A deep copy of the fixture, changed by `edit`. */
function example(edit = () => {}) {
  const doc = structuredClone(FIXTURE);
  edit(doc);
  return doc;
}

function describeErrors(errors) {
  return errors.map((e) => `${e.instancePath || "(root)"} ${e.keyword}: ${e.message}`).join("\n");
}

function assertValid(doc) {
  const { ok, errors } = validateSnapshot(doc);
  assert.equal(ok, true, `expected valid, got:\n${describeErrors(errors)}`);
  assert.deepEqual(errors, []);
}

/** The document fails, and some error sits at `instancePath` (with `keyword`, if given). */
function assertInvalidAt(doc, instancePath, keyword) {
  const { ok, errors } = validateSnapshot(doc);
  assert.equal(ok, false, `expected an error at ${instancePath}, but the document is valid`);
  const hit = errors.find(
    (e) => e.instancePath === instancePath && (keyword === undefined || e.keyword === keyword),
  );
  assert.ok(
    hit,
    `expected an error at ${instancePath}${keyword ? ` (${keyword})` : ""}, got:\n${describeErrors(errors)}`,
  );
  return errors;
}

test("the schema compiles in strict mode and is valid draft 2020-12", () => {
  const schema = loadSchema();
  const ajv = createAjv();
  assert.equal(ajv.opts.strict, true);
  assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
  assert.doesNotThrow(() => ajv.compile(schema));
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
  assert.match(schema.$id, /^https:\/\/.+\/alignment-board\.v1\.schema\.json$/);
  assert.ok(schema.title && schema.description);
  assert.deepEqual(schema.properties.format, { ...schema.properties.format, const: "alignment-board" });
  assert.equal(schema.properties.version.const, 1);
  for (const entity of ["board", "person", "team", "priority", "initiative", "risk", "checkIn", "dependency", "decision", "review"]) {
    assert.ok(schema.$defs[entity], `$defs.${entity}`);
  }
});

test("the schema never forbids unknown keys (readers ignore them)", () => {
  const forbidding = [];
  (function walk(node, path) {
    if (node === null || typeof node !== "object") return;
    if (node.additionalProperties === false || node.unevaluatedProperties === false) forbidding.push(path);
    for (const [key, child] of Object.entries(node)) walk(child, `${path}/${key}`);
  })(loadSchema(), "#");
  assert.deepEqual(forbidding, []);
  assertValid(
    example((d) => {
      d.producer = "a wiki macro";
      d.board.colour = "teal";
      d.board.initiatives[0].estimate = { unit: "weeks", value: 3 };
      d.board.initiatives[0].risks[0].mitigation = "Mock the API";
    }),
  );
});

test("the documented example passes", () => {
  assertValid(FIXTURE);
});

test("a minimal document passes: format, version and a board with id and title", () => {
  assertValid({ format: "alignment-board", version: 1, board: { id: "b-1", title: "Board" } });
  // The reader does not require the board's title to be non-blank, only present.
  assertValid({ format: "alignment-board", version: 1, board: { id: "b-1", title: "" } });
});

test("optional keys may be null, and take their defaults", () => {
  assertValid(
    example((d) => {
      d.exportedAt = null;
      Object.assign(d.board, { purpose: null, period: null, rhythm: null, people: null, reviews: null });
      Object.assign(d.board.priorities[0], { description: null, ownerId: null, status: null, successMeasure: null });
      Object.assign(d.board.initiatives[0], {
        ownerId: null,
        priorityIds: null,
        effort: null,
        status: null,
        progress: null,
        confidence: null,
        due: null,
      });
      Object.assign(d.board.initiatives[0].risks[0], { severity: null, open: null });
      Object.assign(d.board.dependencies[0], { due: null, state: null });
      Object.assign(d.board.decisions[0], { rationale: null, teamIds: null, revisitOn: null });
      d.board.teams[0].leadId = null;
    }),
  );
  assertValid(
    example((d) => {
      delete d.exportedAt;
      d.board.rhythm = { checkInDays: 14 };
      d.board.period = { label: "Q4" };
      delete d.board.initiatives[0].confidence;
      delete d.board.reviews[0].score;
    }),
  );
});

test("timestamps: any RFC 3339 form the reader parses; dates must exist", () => {
  for (const at of ["2026-11-20T17:00:00Z", "2026-11-20T18:00:00+01:00", "2026-11-20t17:00:00.250z", "2026-11-20 17:00:00Z"]) {
    assertValid(example((d) => (d.board.reviews[0].at = at)));
  }
  for (const at of ["2026-11-20T17:00:00", "2026-11-20T17:00Z", "2026-11-20T17:00:00+0100", "2026-11-20T24:00:00Z", "2026-11-31T10:00:00Z", "2026-11-20"]) {
    assertInvalidAt(example((d) => (d.board.reviews[0].at = at)), "/board/reviews/0/at");
  }
  for (const due of ["2024-02-29", "2026-12-31"]) {
    assertValid(example((d) => (d.board.initiatives[0].due = due)));
  }
});

test("documents the reader refuses fail at the path it would name", async (t) => {
  const cases = [
    ["wrong format", (d) => (d.format = "trello-board"), "/format", "const"],
    ["format missing", (d) => delete d.format, "", "required"],
    ["version 2", (d) => (d.version = 2), "/version", "const"],
    ["version as text", (d) => (d.version = "1"), "/version", "const"],
    ["board missing", (d) => delete d.board, "", "required"],
    ["effort 101", (d) => (d.board.initiatives[0].effort = 101), "/board/initiatives/0/effort", "maximum"],
    ["effort negative", (d) => (d.board.initiatives[0].effort = -1), "/board/initiatives/0/effort", "minimum"],
    ["effort with a fraction", (d) => (d.board.initiatives[0].effort = 40.5), "/board/initiatives/0/effort", "type"],
    ["effort as text", (d) => (d.board.initiatives[0].effort = "lots"), "/board/initiatives/0/effort", "type"],
    ["unknown initiative status", (d) => (d.board.initiatives[0].status = "blocked"), "/board/initiatives/0/status", "enum"],
    ["unknown check-in status", (d) => (d.board.checkIns[0].status = "green"), "/board/checkIns/0/status", "enum"],
    ["status in the wrong case", (d) => (d.board.initiatives[0].status = "ontrack"), "/board/initiatives/0/status", "enum"],
    ["unknown priority status", (d) => (d.board.priorities[0].status = "paused"), "/board/priorities/0/status", "enum"],
    ["unknown severity", (d) => (d.board.initiatives[0].risks[0].severity = "critical"), "/board/initiatives/0/risks/0/severity", "enum"],
    ["unknown dependency state", (d) => (d.board.dependencies[0].state = "blocked"), "/board/dependencies/0/state", "enum"],
    ["unknown decision kind", (d) => (d.board.decisions[0].kind = "veto"), "/board/decisions/0/kind", "enum"],
    ["unknown review kind", (d) => (d.board.reviews[0].kind = "retro"), "/board/reviews/0/kind", "enum"],
    ["missing board.id", (d) => delete d.board.id, "/board", "required"],
    ["board.id null", (d) => (d.board.id = null), "/board/id", "type"],
    ["board.id empty", (d) => (d.board.id = ""), "/board/id", "pattern"],
    ["board.id blank", (d) => (d.board.id = " \t\u00a0"), "/board/id", "pattern"],
    ["missing board.title", (d) => delete d.board.title, "/board", "required"],
    ["bad date (no such day)", (d) => (d.board.initiatives[0].due = "2026-02-30"), "/board/initiatives/0/due", "format"],
    ["bad date (short month)", (d) => (d.board.period.start = "2026-1-01"), "/board/period/start", "pattern"],
    ["bad date (slashes)", (d) => (d.board.decisions[0].revisitOn = "2027/01/15"), "/board/decisions/0/revisitOn", "format"],
    ["confidence 11", (d) => (d.board.initiatives[0].confidence = 11), "/board/initiatives/0/confidence", "maximum"],
    ["check-in confidence 11", (d) => (d.board.checkIns[0].confidence = 11), "/board/checkIns/0/confidence", "maximum"],
    ["progress 101", (d) => (d.board.checkIns[0].progress = 101), "/board/checkIns/0/progress", "maximum"],
    ["score 101", (d) => (d.board.reviews[0].score = 101), "/board/reviews/0/score", "maximum"],
    ["rank 0", (d) => (d.board.priorities[0].rank = 0), "/board/priorities/0/rank", "minimum"],
    ["rhythm of 0 days", (d) => (d.board.rhythm.checkInDays = 0), "/board/rhythm/checkInDays", "minimum"],
    ["rhythm beyond 65535 days", (d) => (d.board.rhythm.planningDays = 65536), "/board/rhythm/planningDays", "maximum"],
    ["required key null", (d) => (d.board.initiatives[0].teamId = null), "/board/initiatives/0/teamId", "type"],
    ["required timestamp missing", (d) => delete d.board.priorities[0].createdAt, "/board/priorities/0", "required"],
    ["blank person name", (d) => (d.board.people[0].name = "  "), "/board/people/0/name", "pattern"],
    ["blank dependency need", (d) => (d.board.dependencies[0].need = ""), "/board/dependencies/0/need", "pattern"],
    ["priority listed twice", (d) => d.board.initiatives[0].priorityIds.push("pr-1"), "/board/initiatives/0/priorityIds", "uniqueItems"],
    ["list that is not a list", (d) => (d.board.teams = { "t-1": {} }), "/board/teams", "type"],
    ["open that is not a flag", (d) => (d.board.initiatives[0].risks[0].open = "yes"), "/board/initiatives/0/risks/0/open", "type"],
    ["exportedAt without a zone", (d) => (d.exportedAt = "2026-11-23T09:30:00"), "/exportedAt"],
    // The reader's limits on texts (src/core/limits.rs; tests/core_limits.rs holds the reader
    // to each), counted in characters: "é" is one.
    ["an id over 200 characters", (d) => (d.board.id = "é".repeat(201)), "/board/id", "maxLength"],
    ["a name over 100 characters", (d) => (d.board.teams[0].name = "é".repeat(101)), "/board/teams/0/name", "maxLength"],
    ["a title over 500 characters", (d) => (d.board.initiatives[0].title = "é".repeat(501)), "/board/initiatives/0/title", "maxLength"],
    ["a note over 20,000 characters", (d) => (d.board.checkIns[0].note = "é".repeat(20_001)), "/board/checkIns/0/note", "maxLength"],
  ];
  for (const [name, edit, instancePath, keyword] of cases) {
    await t.test(name, () => {
      assertInvalidAt(example(edit), instancePath, keyword);
    });
  }
});

test("texts as long as the reader takes pass", () => {
  assertValid(example((d) => {
    d.board.id = "é".repeat(200);
    d.board.teams[0].name = "é".repeat(100);
    d.board.initiatives[0].title = "é".repeat(500);
    d.board.checkIns[0].note = "é".repeat(20_000);
  }));
});

test("a document that is not an object fails at the root", () => {
  for (const doc of [null, [], "alignment-board", 1]) {
    assertInvalidAt(doc, "", "type");
  }
});

test("the validator reports every error, not just the first", () => {
  const { ok, errors } = validateSnapshot(
    example((d) => {
      d.board.initiatives[0].effort = 101;
      d.board.initiatives[0].confidence = 11;
      d.board.reviews[0].kind = "retro";
    }),
  );
  assert.equal(ok, false);
  const paths = new Set(errors.map((e) => e.instancePath));
  for (const p of ["/board/initiatives/0/effort", "/board/initiatives/0/confidence", "/board/reviews/0/kind"]) {
    assert.ok(paths.has(p), `${p} in ${[...paths].join(", ")}`);
  }
});
