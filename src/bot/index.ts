export type { CareerBot, CareerBotOptions } from './career-bot';
export { createCareerBot } from './career-bot';
export type { BotAuth } from './hosting/bot-authentication';
export type { SendLimits } from './delivery/send-pacing';
export { TEAMS_SEND_LIMITS } from './delivery/send-pacing';
export type { RetryPolicy } from './delivery/retry-policy';
export { DEFAULT_RETRY_POLICY } from './delivery/retry-policy';
export type { DeliveryTimers } from './delivery/delivery-timers';
export { CARD_VERBS } from './verbs/verbs';
