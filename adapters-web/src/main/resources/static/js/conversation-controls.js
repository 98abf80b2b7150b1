// The chat screen's conversation controls (docs/api.md): search of one's chats (sidebar, Ctrl+K),
// pin and archive in the chat list, a model's title arriving after the first answer, share links
// and feedback on answers. Loaded before chat.js, so that its parts of the sidebar are there at the
// first paint; the parts live in ./chat/: search.js, organize.js, titles.js, share.js, feedback.js.

import { wireSearch } from './chat/search.js';
import { wireOrganize } from './chat/organize.js';
import { wireTitles } from './chat/titles.js';
import { wireShare } from './chat/share.js';
import { wireFeedback } from './chat/feedback.js';

wireOrganize();
wireTitles();
wireSearch();
wireShare();
wireFeedback();
