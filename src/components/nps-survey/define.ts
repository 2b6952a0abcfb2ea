import { NpsSurvey } from './nps-survey.js';

NpsSurvey.define('nps-survey');

declare global {
  interface HTMLElementTagNameMap {
    'nps-survey': NpsSurvey;
  }
}
