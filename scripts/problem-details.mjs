/**
 * Finds every problem `detail` the code can produce, as gettext-style templates ("SKU {0} is
 * already used..."), so a test can check that each one is translated into every locale.
 *
 * Details are written in English where the problem happens (routes, domain code, Durable Object
 * outcomes); the problem writer translates them on the way out. This reads the sources with the
 * TypeScript compiler and collects the second argument of `new ApiError(...)` and every `detail:`
 * property, following conditionals, `??`, and constants declared in the same file.
 *
 *   node scripts/problem-details.mjs          prints the templates, one per line
 *   node scripts/problem-details.mjs --json   prints { templates, unresolved }
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = fileURLToPath(new URL("..", import.meta.url));

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) yield path;
  }
}

/**
 * Functions of a file taking a `detail` parameter (`invalid(path, message, detail)`, or an arrow
 * `const fail = (code, detail) => ...`), by name: which argument it is.
 */
function detailParameters(source) {
  const found = new Map();
  const note = (name, parameters) => {
    const index = parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === "detail");
    if (index >= 0) found.set(name, index);
  };
  const visit = (node) => {
    if (ts.isFunctionDeclaration(node) && node.name) note(node.name.text, node.parameters);
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
    ) {
      note(node.name.text, node.initializer.parameters);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Whether a file exports `name` (so other files' calls of it are calls of this one). */
function exportsName(source, name) {
  return source.statements.some(
    (s) =>
      ts.canHaveModifiers(s) &&
      ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) &&
      ((ts.isFunctionDeclaration(s) && s.name?.text === name) ||
        (ts.isVariableStatement(s) &&
          s.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name))),
  );
}

/** Whether `source` imports `name` from a relative module (not a package's function of the same name). */
function importsName(source, name) {
  return source.statements.some(
    (s) =>
      ts.isImportDeclaration(s) &&
      ts.isStringLiteral(s.moduleSpecifier) &&
      s.moduleSpecifier.text.startsWith(".") &&
      s.importClause?.namedBindings &&
      ts.isNamedImports(s.importClause.namedBindings) &&
      s.importClause.namedBindings.elements.some((e) => e.name.text === name),
  );
}

/** The constant initializers of a file, by name, to follow `throw new ApiError(code, NOT_FOUND)`. */
function constantsOf(source) {
  const constants = new Map();
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      constants.set(node.name.text, node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return constants;
}

const FALLBACKS = new Set([ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken]);

/** The file being read's function declarations, by name. */
let functions = new Map();

function functionsOf(source) {
  const found = new Map();
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body)
      found.set(statement.name.text, statement);
  }
  return found;
}

/** The expressions a function returns (not those of functions nested in it). */
function returnedBy(declaration) {
  const returned = [];
  const visit = (node) => {
    if (ts.isReturnStatement(node) && node.expression) returned.push(node.expression);
    if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(declaration.body, visit);
  return returned;
}

/** Every file's constants, for a detail constant imported from another file (`NO_DIALOG`). */
const exported = new Map();

/** Interpolations found holding English words: the sentence must be split instead. */
let fragments = [];

/** Whether an interpolated expression carries words of its own (a string literal not used as a separator). */
function holdsWords(expr) {
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return /[A-Za-z]{2}/.test(expr.text);
  if (ts.isTemplateExpression(expr)) return true;
  if (
    ts.isCallExpression(expr) &&
    ts.isPropertyAccessExpression(expr.expression) &&
    expr.expression.name.text === "join"
  ) {
    return holdsWords(expr.expression.expression);
  }
  if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression) && ENGLISH_PRODUCERS.has(expr.expression.text))
    return true;
  let found = false;
  ts.forEachChild(expr, (child) => {
    found ||= holdsWords(child);
  });
  return found;
}

/** Helpers that return English phrases ("42 seconds"): their result cannot be interpolated. */
const ENGLISH_PRODUCERS = new Set(["inSeconds", "phoneFormatHint"]);

/**
 * The templates an expression can evaluate to. Interpolations become {0}, {1}...; an expression
 * that is neither text nor a known constant is returned as `null` (reported as unresolved).
 */
function templatesOf(expr, constants, seen = new Set()) {
  if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr))
    return templatesOf(expr.expression, constants, seen);
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [expr.text];
  if (ts.isTemplateExpression(expr)) {
    for (const span of expr.templateSpans) {
      if (holdsWords(span.expression)) fragments.push(span.expression);
    }
    let text = expr.head.text;
    expr.templateSpans.forEach((span, i) => {
      text += `{${i}}${span.literal.text}`;
    });
    return [text];
  }
  if (ts.isConditionalExpression(expr)) {
    return [...templatesOf(expr.whenTrue, constants, seen), ...templatesOf(expr.whenFalse, constants, seen)];
  }
  if (ts.isBinaryExpression(expr) && FALLBACKS.has(expr.operatorToken.kind)) {
    // `err.message || "The request could not be read."`: the text made elsewhere, else this one.
    const left = isPassThrough(expr.left) ? [] : templatesOf(expr.left, constants, seen);
    return [...left, ...templatesOf(expr.right, constants, seen)];
  }
  if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression) && functions.has(expr.expression.text)) {
    // A local function that words the detail (`refusedMoveDetail(status, move)`): what it returns.
    return returnedBy(functions.get(expr.expression.text)).flatMap((e) => templatesOf(e, constants, seen));
  }
  if (ts.isIdentifier(expr) && !seen.has(expr.text)) {
    const initializer = constants.get(expr.text) ?? exported.get(expr.text);
    if (initializer) {
      seen.add(expr.text);
      return templatesOf(initializer, constants, seen);
    }
  }
  return [null];
}

/** A pass-through of a detail made elsewhere (a Durable Object's outcome, a caught ApiError, a `detail` parameter). */
function isPassThrough(expr) {
  if (ts.isIdentifier(expr) && /^(detail|message)$/.test(expr.text)) return true;
  if (ts.isCallExpression(expr) && expr.expression.getText() === "translateDetail") return true;

  return ts.isPropertyAccessExpression(expr) && /^(detail|message)$/.test(expr.name.text);
}

/**
 * A `detail` that is a code, not a sentence (a tracking event's `detail: "held"`, worded by the web
 * app's catalogs): a problem's detail is always words for a person, never one snake_case token.
 */
function isCode(expr) {
  return ts.isStringLiteral(expr) && /^[a-z]+(_[a-z]+)*$/.test(expr.text);
}

/** Provider delivery notes (messaging), gateway and payout provider error reports and the bench's own answers are not API problems. */
const NOT_PROBLEMS = /^workers\/(messaging\/|dev\/|payments\/gateways\/|disbursements\/providers\/)/;

export function collectProblemDetails(dirs = ["workers", "durable-objects"]) {
  const templates = new Map();
  const unresolved = [];
  const words = [];
  const files = dirs
    .flatMap((dir) => [...sourceFiles(join(root, dir))])
    .filter((f) => !NOT_PROBLEMS.test(relative(root, f)));
  const parsed = files.map((file) =>
    ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true),
  );
  for (const source of parsed)
    for (const [name, init] of constantsOf(source)) if (!exported.has(name)) exported.set(name, init);
  /** Exported functions taking a `detail` (`fail` of the chat room), for the files importing them. */
  const exportedDetailParameters = new Map();
  for (const source of parsed)
    for (const [name, index] of detailParameters(source))
      if (exportsName(source, name)) exportedDetailParameters.set(name, index);
  for (const source of parsed) {
    const file = source.fileName;
    {
      const constants = constantsOf(source);
      const where = (node) =>
        `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      const record = (expr) => {
        if (isPassThrough(expr) || isCode(expr)) return;
        fragments = [];
        for (const template of templatesOf(expr, constants)) {
          if (template === null) unresolved.push(`${where(expr)} ${expr.getText(source).slice(0, 80)}`);
          else if (!templates.has(template)) templates.set(template, where(expr));
        }
        for (const f of fragments) words.push(`${where(f)} \${${f.getText(source).slice(0, 80)}}`);
      };
      const takesDetail = detailParameters(source);
      for (const [name, index] of exportedDetailParameters)
        if (!takesDetail.has(name) && importsName(source, name)) takesDetail.set(name, index);
      functions = functionsOf(source);
      const visit = (node) => {
        if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && takesDetail.has(node.expression.text)) {
          const arg = node.arguments[takesDetail.get(node.expression.text)];
          if (arg) record(arg);
        }
        if (ts.isNewExpression(node) && node.expression.getText(source) === "ApiError" && node.arguments?.[1]) {
          record(node.arguments[1]);
        } else if (
          ts.isPropertyAssignment(node) &&
          ts.isIdentifier(node.name) &&
          node.name.text === "detail" &&
          !ts.isObjectLiteralExpression(node.initializer)
        ) {
          record(node.initializer);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return { templates, unresolved, words };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { templates, unresolved, words } = collectProblemDetails();
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({ templates: Object.fromEntries(templates), unresolved, words }, null, 2));
  } else {
    for (const [template, where] of templates) console.log(`${where}\t${template}`);
    for (const u of unresolved) console.error(`unresolved: ${u}`);
    for (const w of words) console.error(`words in a placeholder: ${w}`);
  }
}
