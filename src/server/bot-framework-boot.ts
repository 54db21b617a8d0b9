import path from 'node:path';
import { loadBotFrameworkFrom } from './bot-framework-loading';

/**
 * The server's first import (see `main.ts`): the build's bundle evaluates it before any module that requires
 * botbuilder, so the Bot Framework loads as the build rewrote it (`dist/native-async`, beside `dist/server`).
 */
export const botFrameworkLoading = loadBotFrameworkFrom(path.join(__dirname, '..', 'native-async'));
