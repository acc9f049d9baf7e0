// The article walk's facts: what the one request fixes (FACTS), and the conditions they decide,
// so that the walk follows only the branch the request takes.
import ts from 'typescript';
import { FACTS } from './entries.mjs';

/**
 * The fact logic over `checker`: `runningChildren(node)` (the parts of a condition the facts
 * decide that run, or undefined) and `factsUsed` (fact -> set of `file:line` it decided).
 * `shown(file)` is a file's path from the root, `where(node)` a node's `path:line`.
 *
 * @example
 * const { runningChildren, factsUsed } = factLogic({ checker, shown, where });
 */
export function factLogic({ checker, shown, where }) {
  /** Where each fact decided a condition: fact -> set of `file:line`. */
  const factsUsed = new Map();
  /** A fact's declaration test: whether `declaration` is `FILE#NAME`. */
  const isNamed = (declaration, at) => {
    const [file, name] = at.split('#');
    return (
      declaration.name?.getText() === name && shown(declaration.getSourceFile().fileName) === file
    );
  };
  /** The value FACTS give `expression`, or undefined when they do not decide it. */
  function factValue(expression) {
    const e = ts.skipPartiallyEmittedExpressions(ts.skipParentheses(expression));
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
      const value = factValue(e.operand);
      return value === undefined ? undefined : { ...value, is: !value.is };
    }
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      const equal = [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken];
      const unequal = [
        ts.SyntaxKind.ExclamationEqualsEqualsToken,
        ts.SyntaxKind.ExclamationEqualsToken,
      ];
      if (!equal.includes(op) && !unequal.includes(op)) return undefined;
      for (const [side, other] of [
        [e.left, e.right],
        [e.right, e.left],
      ]) {
        const literal = literalOf(other);
        const value = literal === undefined ? undefined : factValue(side);
        if (value) return { ...value, is: (value.is === literal.value) === equal.includes(op) };
      }
      return undefined;
    }
    let symbol;
    if (ts.isCallExpression(e)) symbol = checker.getSymbolAtLocation(e.expression);
    if (ts.isPropertyAccessExpression(e)) symbol = checker.getSymbolAtLocation(e.name);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declarations = symbol?.declarations ?? [];
    const alias =
      ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)
        ? checker.getTypeAtLocation(e).aliasSymbol?.name
        : undefined;
    const fact = FACTS.find((f) =>
      f.call
        ? ts.isCallExpression(e) && declarations.some((d) => isNamed(d, f.call))
        : f.property
          ? ts.isPropertyAccessExpression(e) &&
            e.name.text === f.property &&
            declarations.some((d) =>
              f.in.some((at) => shown(d.getSourceFile().fileName).startsWith(at)),
            )
          : alias === f.type,
    );
    return fact ? { fact, is: fact.is } : undefined;
  }
  /** A literal's value (`'rss'`, `3`, `true`), as `{ value }`. */
  function literalOf(node) {
    const e = ts.skipParentheses(node);
    if (ts.isStringLiteralLike(e)) return { value: e.text };
    if (ts.isNumericLiteral(e)) return { value: Number(e.text) };
    if (e.kind === ts.SyntaxKind.TrueKeyword) return { value: true };
    if (e.kind === ts.SyntaxKind.FalseKeyword) return { value: false };
    if (ts.isIdentifier(e) && e.text === 'undefined') return { value: undefined };
    return undefined;
  }
  /** Notes that `value`'s fact decided the condition at `node`. */
  function used(value, node) {
    const at = factsUsed.get(value.fact) ?? new Set();
    at.add(where(node));
    factsUsed.set(value.fact, at);
  }

  /**
   * The parts of `node` that run, FACTS applied: a condition they decide keeps its test and the
   * branch taken; otherwise every child.
   */
  function runningChildren(node) {
    if (ts.isIfStatement(node) || ts.isConditionalExpression(node)) {
      const test = ts.isIfStatement(node) ? node.expression : node.condition;
      const value = factValue(test);
      if (!value) return undefined;
      used(value, test);
      const taken = ts.isIfStatement(node)
        ? value.is
          ? node.thenStatement
          : node.elseStatement
        : value.is
          ? node.whenTrue
          : node.whenFalse;
      return [test, taken].filter(Boolean);
    }
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op !== ts.SyntaxKind.AmpersandAmpersandToken && op !== ts.SyntaxKind.BarBarToken)
        return undefined;
      const value = factValue(node.left);
      if (!value) return undefined;
      used(value, node.left);
      const goesOn = op === ts.SyntaxKind.AmpersandAmpersandToken ? value.is : !value.is;
      return goesOn ? [node.left, node.right] : [node.left];
    }
    if (ts.isSwitchStatement(node)) {
      const value = factValue(node.expression);
      if (!value) return undefined;
      used(value, node.expression);
      const clauses = node.caseBlock.clauses;
      let from = clauses.findIndex(
        (c) => ts.isCaseClause(c) && literalOf(c.expression)?.value === value.is,
      );
      if (from === -1) from = clauses.findIndex((c) => ts.isDefaultClause(c));
      const taken = [];
      // From the case taken on, through the empty cases it falls into.
      for (let i = from; i !== -1 && i < clauses.length; i++) {
        taken.push(...clauses[i].statements);
        if (clauses[i].statements.length > 0) break;
      }
      return [node.expression, ...taken];
    }
    return undefined;
  }

  return { runningChildren, factsUsed };
}
