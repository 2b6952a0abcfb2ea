import { FeedbackSurvey } from './feedback-survey.js';

FeedbackSurvey.define('feedback-survey');

declare global {
  interface HTMLElementTagNameMap {
    'feedback-survey': FeedbackSurvey;
  }
}
