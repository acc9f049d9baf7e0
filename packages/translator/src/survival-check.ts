import { Parser } from 'htmlparser2';
import { missingItems, missingNumbers } from './quality-gate.ts';

/** What of a source segment a translation kept: its markup, its numbers, its protected terms. */
export interface Survival {
  /** Every inline element of the source (`<a href>` with its address, `<em>`, `<img src>`…) is in the output. */
  readonly markup: boolean;
  /** Every number of the source is in the output, however its thousands are grouped (`1,200` = `1.200` = `1 200`). */
  readonly numbers: boolean;
  /** Every protected term of the source is in the output, as often. */
  readonly terms: boolean;
  /** What was lost, for a report: `<a href="…">`, `1200`, `HIMARS`… */
  readonly lost: readonly string[];
}

/** Attributes that carry what must not change: where a link goes, what an image shows. */
const KEPT_ATTRIBUTES = ['href', 'src'];

function parse(html: string): { elements: string[]; text: string } {
  const elements: string[] = [];
  let text = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'p' || name === 'br') return;
        const kept = KEPT_ATTRIBUTES.filter((a) => attributes[a] !== undefined)
          .map((a) => ` ${a}="${attributes[a]}"`)
          .join('');
        elements.push(`<${name}${kept}>`);
      },
      ontext(chunk) {
        text += chunk;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { elements, text };
}

function occurrences(text: string, term: string): string[] {
  return Array.from({ length: text.split(term).length - 1 }, () => term);
}

/**
 * Checks that a translated segment (HTML) kept what its source had: its inline elements with
 * their addresses, its numbers (as digit runs once thousands separators are removed, so a
 * localised `1.200` keeps `1,200`), and every protected term it contained, verbatim.
 *
 * @example
 * survivalCheck('Read <a href="https://x.org/">this</a> on 5 May.', 'Lea <a href="https://x.org/">esto</a> el 5 de mayo.', []);
 * // { markup: true, numbers: true, terms: true, lost: [] }
 */
export function survivalCheck(
  sourceHtml: string,
  outputHtml: string,
  terms: readonly string[],
): Survival {
  const source = parse(sourceHtml);
  const output = parse(outputHtml);
  const lostMarkup = missingItems(source.elements, output.elements);
  const lostNumbers = missingNumbers(source.text, output.text);
  const lostTerms = terms.flatMap((term) =>
    missingItems(occurrences(source.text, term), occurrences(output.text, term)),
  );
  return {
    markup: lostMarkup.length === 0,
    numbers: lostNumbers.length === 0,
    terms: lostTerms.length === 0,
    lost: [...lostMarkup, ...lostNumbers, ...lostTerms],
  };
}
