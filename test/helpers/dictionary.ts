import { provideVietnameseDictionary } from '../../server/src/node/dictionary.js';

provideVietnameseDictionary();
