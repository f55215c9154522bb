/** Conversions between the survey tables (`csat_surveys`, `csat_answers`) and domain records. */
import type { CsatAnswerRecord, SurveyRecord } from '../../domain/types.ts';

export interface SurveyRow {
  message_id: string;
  chat_id: string;
  token_hash: string;
  created_at: number;
  skipped_at?: number | null;
}

export const toSurvey = (row: SurveyRow): SurveyRecord => ({
  messageId: row.message_id,
  chatId: row.chat_id,
  tokenHash: row.token_hash,
  createdAt: row.created_at,
  skippedAt: row.skipped_at ?? null,
});

export const surveyParams = (survey: SurveyRecord): SurveyRow => ({
  message_id: survey.messageId,
  chat_id: survey.chatId,
  token_hash: survey.tokenHash,
  created_at: survey.createdAt,
});

export interface CsatAnswerRow {
  chat_id: string;
  message_id: string;
  answer_id: string;
  score: number;
  scale: number;
  comment: string | null;
  answered_at: number;
  via: string;
}

export const toCsatAnswer = (row: CsatAnswerRow): CsatAnswerRecord => ({
  chatId: row.chat_id,
  messageId: row.message_id,
  answerId: row.answer_id,
  score: row.score as CsatAnswerRecord['score'],
  scale: row.scale as CsatAnswerRecord['scale'],
  comment: row.comment,
  answeredAt: row.answered_at,
  via: row.via as CsatAnswerRecord['via'],
});

export const csatAnswerParams = (answer: CsatAnswerRecord): CsatAnswerRow => ({
  chat_id: answer.chatId,
  message_id: answer.messageId,
  answer_id: answer.answerId,
  score: answer.score,
  scale: answer.scale,
  comment: answer.comment,
  answered_at: answer.answeredAt,
  via: answer.via,
});
