/** English sentences from the seed articles, with names, numbers, a URL and punctuation. */
export const SEED_SENTENCES: readonly string[] = [
  'Ukraine has been granted extended partner status in the Joint Expeditionary Force (JEF).',
  'This was officially announced by Ukrainian Defense Minister Denys Shmyhal on November 5 through his official Telegram channel.',
  'Photo: Denys Shmyhal (t.me/Denys_Smyhal)',
  '"Grateful to Norwegian Defense Minister Tore O. Sandvik and UK Defense Secretary John Healey for the invitation.',
  'Chas Pravdy - 05 November 2025 13:08',
];
