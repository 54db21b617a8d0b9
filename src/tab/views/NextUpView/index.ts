export { NextUpView } from './NextUpView';
