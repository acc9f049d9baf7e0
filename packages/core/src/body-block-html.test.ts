import { describe, expect, it } from 'vitest';
import { bodyBlocks } from './block-diff.ts';
import { bodyBlockHtml } from './body-block-html.ts';

describe('bodyBlockHtml', () => {
  it('cuts a body into its top-level blocks with their inline markup', () => {
    const body =
      '<p>One <em>two</em><br>three</p>\n<h2>Head</h2><ul><li>a</li><li>b <a href="https://x.test/">x</a></li></ul>';
    expect(bodyBlockHtml(body)).toEqual([
      '<p>One <em>two</em><br>three</p>',
      '<h2>Head</h2>',
      '<ul><li>a</li><li>b <a href="https://x.test/">x</a></li></ul>',
    ]);
  });

  it('keeps text between blocks as a block, as bodyBlocks counts it', () => {
    const body = 'Loose text <p>Para</p> tail <img src="https://x.test/a.png" alt=""><p>End</p>';
    const blocks = bodyBlockHtml(body);
    expect(blocks).toEqual([
      'Loose text',
      '<p>Para</p>',
      'tail',
      '<img src="https://x.test/a.png" alt="">',
      '<p>End</p>',
    ]);
    expect(bodyBlocks(blocks.join('\n')).length).toBe(bodyBlocks(body).length);
  });

  it('gives the same body back when the blocks are joined', () => {
    const body = '<p>A &amp; B</p><blockquote><p>Q</p></blockquote>';
    expect(bodyBlockHtml(body).join('')).toBe(body);
  });
});
