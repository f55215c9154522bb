/** Where the PostgreSQL store keeps the survey-link key (base64): in its settings, shared by every instance. */
export const LINK_KEY_SETTING = 'survey_link_key';
