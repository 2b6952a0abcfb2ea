// Registers every element (side effect). Safe to import twice or beside the script tag.
import './components/loyalty-balance/define.js';
import './components/loyalty-activity/define.js';
import './components/reward-catalog/define.js';
import './components/nps-survey/define.js';
import './components/feedback-survey/define.js';
import './components/referral-share/define.js';
import './components/loyalty-panel/define.js';
import './components/loyalty-launcher/define.js';
