import { z } from 'zod';

/**
 * The shape of {@link ArticleContent} as data that crosses a process (a job, a result): the
 * same fields, checked. Checks shape only; the texts are cleaned where they enter
 * (`cleanArticleContent`).
 *
 * @example
 * const content = articleContentSchema.parse(job.data.content);
 */
export const articleContentSchema = z
  .object({
    title: z.string(),
    summary: z.string(),
    body: z.string(),
    categories: z.array(z.string()).readonly(),
    image: z.object({ url: z.string(), alt: z.string() }).readonly().optional(),
  })
  .readonly();
